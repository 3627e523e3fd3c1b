import SaturnDomain
import SaturnJSON

/// `GET /_mock/state`: `{"saturn_mock_state": 1, "minted": [...], "recipes": [Recipe with state]}`. Minted users
/// are listed without their tokens: a loaded document mints fresh ones, so tokens stay unique across tenants. The
/// document holds image recipes; workspaces, jobs and deployments live in snapshots (README "Testing with the mock").
struct WireState: JSONWritable {
    let view: TenantView
    let content: TenantContent

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("saturn_mock_state")
            json.integer(TenantStateDocument.version)
            json.key("minted")
            json.array(content.minted) { json, minted in WireMintedToken(minted: minted, withSecrets: false).write(to: &json) }
            json.key("recipes")
            json.array(content.recipes.filter { $0.type == .image }) { json, recipe in
                WireRecipe(recipe: recipe, view: view).write(to: &json)
            }
        }
    }
}
