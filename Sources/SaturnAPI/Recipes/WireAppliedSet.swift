import SaturnDomain
import SaturnJSON

/// The legacy apply's answer (undocumented by Saturn): every applied image as a modern recipe.
struct WireAppliedSet: JSONWritable {
    let recipes: [WireRecipe]

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("recipes")
            json.array(recipes) { json, recipe in recipe.write(to: &json) }
        }
    }
}
