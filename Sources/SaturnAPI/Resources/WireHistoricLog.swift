import FoundationEssentials
import SaturnDomain
import SaturnJSON

/// `HistoricLog`: one line of a pod's log.
struct WireHistoricLog: JSONWritable {
    let pod: String
    let time: Date
    let text: String

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("timestamp")
            json.string(SaturnTime.format(time))
            json.key("content")
            json.string(text)
            json.key("pod_name")
            json.string(pod)
            json.key("container_name")
            json.string("main")
        }
    }
}
