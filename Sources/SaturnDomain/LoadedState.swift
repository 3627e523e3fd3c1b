/// What a store holds when it opens: every tenant, rebuilt by applying each journaled transaction in order.
public struct LoadedState: Sendable {
    /// Tenants by name; the default tenant is always there.
    public private(set) var tenants: [String: LoadedTenant] = [TenantRegistry.defaultTenant: LoadedTenant(record: nil)]

    /// Nothing loaded yet: an empty default tenant.
    public init() {}

    /// Applies one transaction, as replay and compaction both do.
    public mutating func apply(_ transaction: StoreTransaction) {
        let name = transaction.tenant
        switch transaction.change {
        case let .put(recipes, removed):
            for key in removed { tenants[name]?.recipes.remove(key) }
            for recipe in recipes { tenants[name, default: LoadedTenant(record: nil)].recipes.upsert(recipe) }
        case let .create(record, content):
            tenants[name] = LoadedTenant(record: record, content: content)
        case .delete:
            tenants[name] = nil
        case let .replace(content):
            tenants[name] = LoadedTenant(record: tenants[name]?.record, content: content)
        case let .mint(token):
            tenants[name, default: LoadedTenant(record: nil)].minted.append(token)
        }
    }

    /// Puts a tenant as a snapshot holds it.
    public mutating func load(_ tenant: LoadedTenant, named name: String) {
        tenants[name] = tenant
    }
}

/// One tenant as loaded: its record (nil for the default tenant, which uses the seed's tokens), recipes and
/// minted identities.
public struct LoadedTenant: Sendable {
    public let record: TenantRecord?
    public var recipes = LoadedRecipes()
    public var minted: [MintedToken] = []

    /// A tenant with nothing in it yet.
    public init(record: TenantRecord?) {
        self.record = record
    }

    /// A tenant holding `content`.
    public init(record: TenantRecord?, content: TenantContent) {
        self.record = record
        recipes = LoadedRecipes(content.recipes)
        minted = content.minted
    }

    /// The content, recipes in key order.
    public var content: TenantContent { TenantContent(recipes: recipes.sorted, minted: minted) }
}
