/// An image after a command on one of its tags, with the tag as it is now and what the image URI policy said.
public struct TagChange: Sendable {
    public let change: RecipeChange
    public let tag: ImageVersion
    /// Warnings for the answer's `Warning` header.
    public let warnings: [String]
}
