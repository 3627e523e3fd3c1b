import SaturnDomain
import SaturnJSON

extension TenantContent {
    /// Writes `"recipes": [...], "minted": [...]` and, when there are any, `"entities": [...]` into an object the
    /// caller opened.
    func writeStoredMembers(to json: inout JSONOutput) {
        json.key("recipes")
        json.array(recipes) { json, recipe in recipe.writeStored(to: &json) }
        json.key("minted")
        json.array(minted) { json, token in token.writeStored(to: &json) }
        if !entities.isEmpty {
            json.key("entities")
            json.array(entities) { json, entity in entity.writeStored(to: &json) }
        }
    }
}
