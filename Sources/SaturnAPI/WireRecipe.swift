import SaturnDomain

/// A Recipe as Saturn's API spells it (`ImageRecipe` in the OpenAPI spec).
struct WireRecipe: Encodable {
    static let schemaVersion = "2025.10.01"

    let schemaVersion = WireRecipe.schemaVersion
    let type = ImageRecipe.recipeType
    let spec: WireImageSpec
    let state: WireImageState?

    enum CodingKeys: String, CodingKey {
        case type, spec, state
        case schemaVersion = "schema_version"
    }

    /// Renders a stored recipe; `applied` adds the apply's actions, `asTemplate` strips owner and state.
    init(_ recipe: ImageRecipe, applied: AppliedImage? = nil, asTemplate: Bool = false) {
        spec = WireImageSpec(recipe, includeOwner: !asTemplate)
        state = asTemplate ? nil : WireImageState(recipe, applied: applied)
    }
}

/// `ImageSpec`.
struct WireImageSpec: Encodable {
    let name: String
    let owner: String?
    let description: String
    let versions: [WireImageVersion]
    let hardwareType: String
    let supports: [String]?
    let access: String

    enum CodingKeys: String, CodingKey {
        case name, owner, description, versions, supports, access
        case hardwareType = "hardware_type"
    }

    init(_ recipe: ImageRecipe, includeOwner: Bool) {
        name = recipe.name
        owner = includeOwner ? recipe.owner.description : nil
        description = recipe.description
        versions = recipe.versions.map(WireImageVersion.init)
        hardwareType = recipe.hardwareType.rawValue
        supports = recipe.supports
        access = recipe.access.rawValue
    }
}

/// `ImageTagRecipe`.
struct WireImageVersion: Encodable {
    let name: String
    let imageURI: String
    let description: String?
    let archived: Bool
    let buildData: [String: String]?

    enum CodingKeys: String, CodingKey {
        case name, description, archived
        case imageURI = "image_uri"
        case buildData = "build_data"
    }

    init(_ version: ImageVersion) {
        name = version.name
        imageURI = version.imageURI
        description = version.description
        archived = version.archived
        buildData = version.buildData
    }
}

/// `ImageState`: stable ids, and what an apply did when the response answers one.
struct WireImageState: Encodable {
    let id: String
    let action: String?
    let versions: [WireVersionState]

    init(_ recipe: ImageRecipe, applied: AppliedImage?) {
        id = recipe.id
        action = applied?.action.rawValue
        versions = recipe.versions.map { version in
            WireVersionState(id: version.id, action: applied?.versionActions[version.id]?.rawValue)
        }
    }
}

/// `ImageTagState`.
struct WireVersionState: Encodable {
    let id: String
    let action: String?
}

/// A page of Saturn's list shape (`RecipeList`, `OrgList`): the items under their own key, and both cursors
/// always present, `null` at either end, as Saturn's clients expect.
struct WirePage<Item: Encodable>: Encodable {
    let itemsKey: String
    let items: [Item]
    let prevKey: String?
    let nextKey: String?

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.init(stringValue) }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(items, forKey: Key(itemsKey))
        try container.encode(prevKey, forKey: Key("prev_key"))
        try container.encode(nextKey, forKey: Key("next_key"))
    }
}

/// The legacy apply's answer (undocumented by Saturn): every applied image as a modern recipe.
struct WireAppliedSet: Encodable {
    let recipes: [WireRecipe]
}
