/// What a tenant holds beyond the seed: its recipes and the identities minted in it.
public struct TenantContent: Sendable, Equatable {
    public var recipes: [Recipe]
    public var minted: [MintedToken]

    /// Creates content.
    public init(recipes: [Recipe] = [], minted: [MintedToken] = []) {
        self.recipes = recipes
        self.minted = minted
    }
}
