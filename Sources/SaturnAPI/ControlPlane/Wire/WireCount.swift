import SaturnDomain
import SaturnJSON

struct WireCount: JSONWritable {
    let count: Int

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("count")
            json.integer(count)
        }
    }
}
