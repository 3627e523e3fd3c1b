/// What an apply did to a recipe or to one of its parts.
public enum ApplyAction: String, Sendable {
    case created
    case updated
    case unchanged
}

/// A recipe after an apply, with what the apply did to it and to each of its parts that has an id.
public struct AppliedRecipe: Equatable, Sendable {
    public let recipe: Recipe
    public let action: ApplyAction
    /// The action of each part by id (an image's versions); parts the body did not name are `unchanged`.
    public let partActions: [RecordID: ApplyAction]
    /// What was stored before the apply; nil for a new recipe.
    public let previous: Recipe?
}

/// What a successful apply returns.
public struct ApplyOutcome: Equatable, Sendable {
    /// One entry per recipe of the request, in request order.
    public let recipes: [AppliedRecipe]
    /// Warnings for the `Warning` header, each naming the JSON path it is about.
    public let warnings: [String]
}
