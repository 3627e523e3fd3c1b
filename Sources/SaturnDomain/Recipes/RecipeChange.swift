/// One recipe before and after a command that changed it by id: an edit, a rename, a lifecycle call or a delete.
public struct RecipeChange: Sendable, Equatable {
    public let before: Recipe
    /// Nil once deleted.
    public let after: Recipe?

    /// The recipe as it is now: the changed one, or the one deleted.
    public var current: Recipe { after ?? before }
}
