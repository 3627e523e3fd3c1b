import SaturnJSON

/// What `POST /api/resource_templates` gives, and `PATCH .../{id}` changes (a nil field left as it is).
public struct ResourceTemplateDraft: Sendable {
    public var name: String?
    public var description: String?
    public var access: RecipeAccess?
    /// A workspace, job or deployment recipe, checked as `PUT /api/recipes` checks one; kept as a template.
    public var recipe: JSONValue?
    public var thumbnailImageURL: String?
    public var weight: Int?
    public var inGallery: Bool?

    /// No fields.
    public init() {}
}
