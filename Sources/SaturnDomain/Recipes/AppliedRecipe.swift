/// A recipe after an apply, with what the apply did to it and to each of its parts that has an id.
public struct AppliedRecipe: Equatable, Sendable {
    public let recipe: Recipe
    public let action: ApplyAction
    /// The action of each part by id (an image's versions); parts the body did not name are `unchanged`.
    public let partActions: [RecordID: ApplyAction]
    /// What was stored before the apply; nil for a new recipe.
    public let previous: Recipe?
}
