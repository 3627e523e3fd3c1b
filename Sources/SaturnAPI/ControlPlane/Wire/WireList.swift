import SaturnDomain
import SaturnJSON

/// `{"<key>": [items]}`: the control plane's lists, which are never paged.
struct WireList<Item: JSONWritable>: JSONWritable {
    let key: StaticString
    let items: [Item]

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key(key)
            json.array(items) { json, item in item.write(to: &json) }
        }
    }
}
