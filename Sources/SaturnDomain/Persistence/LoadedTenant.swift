/// One tenant as loaded: its record (nil for the default tenant, which uses the seed's tokens), recipes and
/// minted identities.
public struct LoadedTenant: Sendable {
    public let record: TenantRecord?
    public var recipes = LoadedRecipes()
    public var minted: [MintedToken] = []
    public var entities = EntityStore()

    /// A tenant with nothing in it yet.
    public init(record: TenantRecord?) {
        self.record = record
    }

    /// A tenant holding `content`.
    public init(record: TenantRecord?, content: TenantContent) {
        self.record = record
        recipes = LoadedRecipes(content.recipes)
        minted = content.minted
        entities = EntityStore(content.entities)
    }

    /// The content, recipes in key order.
    public var content: TenantContent { TenantContent(recipes: recipes.sorted, minted: minted, entities: entities.sorted) }
}
