import FoundationEssentials
import SaturnJSON

/// A resource template (`/api/resource_templates`): a workspace, job or deployment recipe others start from.
public struct ResourceTemplate: Sendable, Equatable {
    public let id: String
    public var name: String
    public var description: String
    public let owner: OwnerPath
    /// Who sees it besides its owner and the org's admins: `org` or `owner`.
    public var access: RecipeAccess
    /// The recipe, as a template (no owner, no state), checked as an apply checks one.
    public var recipe: JSONValue
    public var thumbnailImageURL: String
    public var weight: Int
    public var inGallery: Bool
    public let createdAt: Date

    /// Creates a template.
    public init(
        id: String, name: String, description: String, owner: OwnerPath, access: RecipeAccess, recipe: JSONValue,
        thumbnailImageURL: String, weight: Int, inGallery: Bool, createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.owner = owner
        self.access = access
        self.recipe = recipe
        self.thumbnailImageURL = thumbnailImageURL
        self.weight = weight
        self.inGallery = inGallery
        self.createdAt = createdAt
    }

    /// The resource type its recipe makes (`workspace`, `job`, `deployment`).
    public var resourceType: String? {
        if case let .object(members) = recipe, case let .string(type)? = members["type"] { return type }
        return nil
    }
}
