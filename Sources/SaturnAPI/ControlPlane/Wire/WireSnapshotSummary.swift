import SaturnDomain
import SaturnJSON

struct WireSnapshotSummary: JSONWritable {
    let name: String
    let content: TenantContent

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("name")
            json.string(name)
            json.key("recipes")
            json.integer(content.recipes.count)
            json.key("minted_tokens")
            json.integer(content.minted.count)
        }
    }
}
