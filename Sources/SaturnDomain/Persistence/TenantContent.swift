/// What a tenant holds beyond the seed: its recipes, the identities minted in it, and its entities (orgs and users
/// made or changed over the API, shared folders, usage limits, resource templates).
public struct TenantContent: Sendable, Equatable {
    public var recipes: [Recipe]
    public var minted: [MintedToken]
    /// By family and id.
    public var entities: [Entity]

    /// Creates content.
    public init(recipes: [Recipe] = [], minted: [MintedToken] = [], entities: [Entity] = []) {
        self.recipes = recipes
        self.minted = minted
        self.entities = entities
    }
}
