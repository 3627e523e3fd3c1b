/// One transaction of one tenant, as the store journals it: replaying every transaction in order rebuilds every
/// tenant (`LoadedState.apply`).
public struct StoreTransaction: Sendable, Equatable {
    /// The tenant it belongs to (`TenantRegistry.defaultTenant` for the installation served at `/api`).
    public let tenant: String
    public let change: TenantChange

    /// Creates a transaction.
    public init(tenant: String, change: TenantChange) {
        self.tenant = tenant
        self.change = change
    }
}
