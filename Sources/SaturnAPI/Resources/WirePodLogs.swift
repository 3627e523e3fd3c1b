import SaturnDomain
import SaturnJSON

/// `PodLogs`.
struct WirePodLogs: JSONWritable {
    let text: String

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("logs")
            json.string(text)
        }
    }
}
