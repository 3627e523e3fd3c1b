/// What a successful apply returns.
public struct ApplyOutcome: Equatable, Sendable {
    /// One entry per recipe of the request, in request order.
    public let recipes: [AppliedRecipe]
    /// Warnings for the `Warning` header, each naming the JSON path it is about.
    public let warnings: [String]
}
