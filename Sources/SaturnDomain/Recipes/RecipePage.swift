/// One page of a listing, with the cursors to the neighbouring pages.
public struct RecipePage: Equatable, Sendable {
    public let recipes: [Recipe]
    /// `prev_key`: nil on the first page (the answer then leaves the key out).
    public let previousCursor: String?
    /// `next_key`: nil on the last page (the answer then leaves the key out).
    public let nextCursor: String?

    /// Creates a page.
    public init(recipes: [Recipe], previousCursor: String?, nextCursor: String?) {
        self.recipes = recipes
        self.previousCursor = previousCursor
        self.nextCursor = nextCursor
    }
}
