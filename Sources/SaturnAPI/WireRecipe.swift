import SaturnDomain

/// A Recipe as Saturn's API spells it (`ImageRecipe` in the OpenAPI spec): `schema_version`, `type`, `spec`
/// (`ImageSpec`, with `ImageTagRecipe` versions) and `state` (`ImageState`, stable ids, and what an apply did).
struct WireRecipe: JSONWritable {
    static let schemaVersion = "2025.10.01"

    let recipe: ImageRecipe
    /// The apply this answers, whose actions go into `state`.
    var applied: AppliedImage?
    /// Strips `spec.owner` and `state`, as `as_template` asks.
    var asTemplate = false

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("schema_version")
            json.string(Self.schemaVersion)
            json.key("type")
            json.string(ImageRecipe.recipeType)
            json.key("spec")
            writeSpec(to: &json)
            if !asTemplate {
                json.key("state")
                writeState(to: &json)
            }
        }
    }

    private func writeSpec(to output: inout JSONOutput) {
        output.object { json in
            json.key("name")
            json.string(recipe.name)
            if !asTemplate {
                json.key("owner")
                json.string(recipe.owner.description)
            }
            json.key("description")
            json.string(recipe.description)
            json.key("versions")
            json.array(recipe.versions) { json, version in
                json.object { json in version.writeTagFields(to: &json) }
            }
            json.key("hardware_type")
            json.string(recipe.hardwareType.rawValue)
            if let supports = recipe.supports {
                json.key("supports")
                json.array(supports) { json, item in json.string(item) }
            }
            json.key("access")
            json.string(recipe.access.rawValue)
        }
    }

    private func writeState(to output: inout JSONOutput) {
        output.object { json in
            json.key("id")
            json.string(recipe.id)
            if let applied {
                json.key("action")
                json.string(applied.action.rawValue)
            }
            json.key("versions")
            json.array(recipe.versions) { json, version in
                json.object { json in
                    json.key("id")
                    json.string(version.id)
                    if let action = applied?.versionActions[version.id] {
                        json.key("action")
                        json.string(action.rawValue)
                    }
                }
            }
        }
    }
}

/// A page of Saturn's list shape (`RecipeList`, `OrgList`): the items under their own key, and both cursors
/// always present, `null` at either end, as Saturn's clients expect.
struct WirePage<Item: JSONWritable>: JSONWritable {
    let itemsKey: StaticString
    let items: [Item]
    let prevKey: String?
    let nextKey: String?

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key(itemsKey)
            json.array(items) { json, item in item.write(to: &json) }
            json.key("prev_key")
            json.string(prevKey)
            json.key("next_key")
            json.string(nextKey)
        }
    }
}

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
