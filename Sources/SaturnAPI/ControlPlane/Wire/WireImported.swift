import SaturnDomain
import SaturnJSON

/// What `PUT /_mock/state` loaded, with the fresh tokens of the users it minted.
struct WireImported: JSONWritable {
    let content: TenantContent

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("recipes")
            json.integer(content.recipes.count)
            json.key("minted")
            json.array(content.minted) { json, minted in WireMintedToken(minted: minted).write(to: &json) }
        }
    }
}
