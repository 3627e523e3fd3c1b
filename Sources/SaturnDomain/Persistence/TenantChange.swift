/// What a transaction does to its tenant.
public enum TenantChange: Sendable, Equatable {
    /// Recipes written whole, and recipes removed (a rename removes the old key and writes the new one).
    case put([Recipe], removing: [RecipeKey] = [])
    /// The tenant comes to be, with its users' tokens and its first content.
    case create(TenantRecord, content: TenantContent)
    /// The tenant and all it holds are gone.
    case delete
    /// The tenant's content is replaced whole: empty for a reset, a snapshot's for a restore or an import.
    case replace(TenantContent)
    /// A user, a membership or a token is minted, in place of the minted token `replacing` (a refresh's earlier one).
    case mint(MintedToken, replacing: String? = nil)
    /// Entities written whole, and entities removed.
    case entities(put: [Entity], removing: [EntityKey])
}
