import FoundationEssentials

/// A tenant at one instant, immutable: what every read and every command's decision works from. Taken under one
/// lock (`Tenant.view`); answers are written from it without calling back into the tenant.
public struct TenantView: Sendable {
    /// The tenant's name.
    public let tenant: String
    let state: TenantState
    public let settings: TenantSettings
    /// The tenant's clock when the view was taken.
    public let now: Date

    /// The tenant's orgs, users and tokens.
    public var directory: IdentityDirectory { state.directory }

    /// How many recipes are stored.
    public var count: Int { state.catalog.count }

    /// What the tenant holds beyond the seed, to save as a snapshot or export.
    public var content: TenantContent { state.content }

    /// The content a state document carries (`GET /_mock/state`): recipes and minted users. A tenant that holds
    /// entities has none, rather than one that loads as something else.
    public func portableContent() throws(DomainError) -> TenantContent {
        let families = Set(state.entities.sorted.map(\.key.family)).sorted().map(\.rawValue)
        guard families.isEmpty else { throw .notPortable(families: families) }
        return state.content
    }
}
