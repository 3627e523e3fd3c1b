import SaturnDomain
import SaturnJSON

extension TenantContent {
    /// Writes `"recipes": [...], "minted": [...]` into an object the caller opened.
    func writeStoredMembers(to json: inout JSONOutput) {
        json.key("recipes")
        json.array(recipes) { json, recipe in recipe.writeStored(to: &json) }
        json.key("minted")
        json.array(minted) { json, token in token.writeStored(to: &json) }
    }
}
