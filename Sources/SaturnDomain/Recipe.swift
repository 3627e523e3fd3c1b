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

extension Date {
    /// The instant without its fraction of a second: creation times are kept, written and read back in whole seconds.
    public var wholeSeconds: Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}

/// What a recipe holds beyond its identity, by type.
public enum RecipeSpec: Equatable, Sendable {
    case image(ImageSpec)
    /// Boxed: a resource's spec is several times an image's, and every stored recipe would otherwise pay for it.
    indirect case resource(ResourceSpec)

    /// The recipe type this spec belongs to.
    public var type: RecipeType {
        switch self {
        case .image: return .image
        case let .resource(resource): return resource.kind.recipeType
        }
    }

    /// Who besides the owner and the org's admins may see the recipe; a resource, only they.
    public var access: RecipeAccess {
        switch self {
        case let .image(image): return image.access
        case .resource: return .owner
        }
    }

    /// The ids of the parts that have their own (an image's versions), in order.
    public var partIDs: [RecordID] {
        switch self {
        case let .image(image): return image.versions.map(\.id)
        case .resource: return []
        }
    }
}
