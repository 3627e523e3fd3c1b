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
