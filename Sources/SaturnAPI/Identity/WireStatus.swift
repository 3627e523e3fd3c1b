import SaturnDomain
import SaturnJSON

/// `ApiStatus`.
struct WireStatus: JSONWritable {
    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("status")
            json.string("ok")
            json.key("version")
            json.string(SaturnAPIVersion.current)
        }
    }
}
