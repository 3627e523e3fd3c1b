import ImageInspection
import SaturnDomain
import SaturnJSON

/// `{"uri", "status": "checking" | "checked" | "unreadable", "checked_at"?, "reason"?, ...}`: a checked image adds
/// what `saturn-mock check-image --json` prints for every use.
struct WireImageCheck: JSONWritable {
    let uri: String
    let record: ImageCheckRecord

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("uri")
            json.string(uri)
            json.key("status")
            switch record {
            case .checking:
                json.string("checking")
            case let .checked(check, at):
                json.string("checked")
                json.key("checked_at")
                json.string(UTCTimestamp.format(at))
                check.writeMembers(to: &json, for: CheckTarget.allCases)
            case let .unreadable(error, at):
                json.string("unreadable")
                json.key("checked_at")
                json.string(UTCTimestamp.format(at))
                json.key("reason")
                json.string(error.description)
            }
        }
    }
}
