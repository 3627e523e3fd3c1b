/// A stored recipe of any type: what the catalog keys, orders, scopes, journals and undoes. Everything that differs
/// by type lives in `spec`, so a new type is a new case there and leaves the catalog's code alone.
public struct Recipe: Equatable, Sendable {
    /// Stable for the life of the recipe (`state.id`).
    public var id: String
    /// Who owns it: `org/identity`.
    public var owner: OwnerPath
    /// `spec.name`, unique per type and owner.
    public var name: String
    /// What it holds, by type.
    public var spec: RecipeSpec

    /// Creates a recipe.
    public init(id: String, owner: OwnerPath, name: String, spec: RecipeSpec) {
        self.id = id
        self.owner = owner
        self.name = name
        self.spec = spec
    }

    /// The type, from the spec.
    public var type: RecipeType { spec.type }

    /// The key the catalog orders and finds this recipe by.
    public var key: RecipeKey { RecipeKey(type: type, owner: owner, name: name) }

    /// Who besides its owner and the org's admins may see it.
    public var access: RecipeAccess { spec.access }
}

/// What a recipe holds beyond its identity, by type.
public enum RecipeSpec: Equatable, Sendable {
    case image(ImageSpec)

    /// The recipe type this spec belongs to.
    public var type: RecipeType {
        switch self {
        case .image: return .image
        }
    }

    /// Who besides the owner and the org's admins may see the recipe.
    public var access: RecipeAccess {
        switch self {
        case let .image(image): return image.access
        }
    }

    /// The ids of the parts that have their own (an image's versions), in order.
    public var partIDs: [String] {
        switch self {
        case let .image(image): return image.versions.map(\.id)
        }
    }
}
