import FoundationEssentials

/// A stored recipe of any type: what the catalog keys, orders, scopes, journals and undoes. Everything that differs
/// by type lives in `spec`, so a new type is a new case there and leaves the catalog's code alone.
public struct Recipe: Equatable, Sendable {
    /// Stable for the life of the recipe (`state.id`).
    public var id: RecordID
    /// Who owns it: `org/identity`.
    public var owner: OwnerPath
    /// `spec.name`, unique per type and owner.
    public var name: String
    /// What it holds, by type.
    public var spec: RecipeSpec
    /// When it was first applied.
    public var createdAt: Date

    /// When a recipe was made, for those stored before the mock kept it: the seed's default time.
    public static let unrecordedCreation = Date(timeIntervalSince1970: 1_648_771_200)

    /// Creates a recipe.
    public init(id: RecordID, owner: OwnerPath, name: String, spec: RecipeSpec, createdAt: Date) {
        self.id = id
        self.owner = owner
        self.name = name
        self.spec = spec
        self.createdAt = createdAt
    }

    /// The type, from the spec.
    public var type: RecipeType { spec.type }

    /// The key the catalog orders and finds this recipe by.
    public var key: RecipeKey { RecipeKey(type: type, owner: owner, name: name) }

    /// Whether this is the recipe of `key`, compared in place.
    func has(_ key: RecipeKey) -> Bool {
        name == key.name && type == key.type && owner == key.owner
    }

    /// Who besides its owner and the org's admins may see it.
    public var access: RecipeAccess { spec.access }

    /// An image's versions; none for other types.
    public var versions: [ImageVersion] {
        if case let .image(image) = spec { return image.versions }
        return []
    }
}
