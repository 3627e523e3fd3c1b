/// What a store holds when it opens: every tenant, rebuilt by applying each journaled transaction in order.
public struct LoadedState: Sendable {
    /// Tenants by name; the default tenant is always there.
    public private(set) var tenants: [String: LoadedTenant] = [TenantRegistry.defaultTenant: LoadedTenant(record: nil)]

    /// Nothing loaded yet: an empty default tenant.
    public init() {}

    /// Applies one transaction, as replay and compaction both do. Only `create` brings a tenant into being: any other
    /// transaction of a tenant that does not exist changes nothing and returns false (a server that let a write
    /// commit after its tenant was deleted left such records), so that a tenant never comes back from a write.
    @discardableResult
    public mutating func apply(_ transaction: StoreTransaction) -> Bool {
        let name = transaction.tenant
        if case let .create(record, content) = transaction.change {
            tenants[name] = LoadedTenant(record: record, content: content)
            return true
        }
        guard tenants[name] != nil else { return false }
        switch transaction.change {
        case let .put(recipes, removed):
            for key in removed { tenants[name]?.recipes.remove(key) }
            for recipe in recipes { tenants[name]?.recipes.upsert(recipe) }
        case .create:
            break
        case .delete:
            tenants[name] = nil
        case let .replace(content):
            tenants[name] = LoadedTenant(record: tenants[name]?.record, content: content)
        case let .entities(put, removing):
            for key in removing { tenants[name]?.entities.remove(key) }
            for entity in put { tenants[name]?.entities.put(entity) }
        case let .mint(token, replacing):
            if let replacing { tenants[name]?.minted.removeAll { $0.token == replacing } }
            tenants[name]?.minted.append(token)
        }
        return true
    }

    /// Puts a tenant as a snapshot holds it.
    public mutating func load(_ tenant: LoadedTenant, named name: String) {
        tenants[name] = tenant
    }
}
