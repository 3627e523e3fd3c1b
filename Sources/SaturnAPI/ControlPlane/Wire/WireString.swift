import SaturnDomain
import SaturnJSON

struct WireString: JSONWritable {
    let text: String

    func write(to output: inout JSONOutput) { output.string(text) }
}
