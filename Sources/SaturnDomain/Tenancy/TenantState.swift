/// Everything a tenant holds beyond its settings: its recipes with their indexes, and its identities (the base
/// directory, and what was minted on top of it). A value: the state before a commit is kept, cheaply, to undo it.
struct TenantState: Sendable {
    var catalog: RecipeCatalog
    /// Orgs and users made or changed over the API, shared folders, usage limits, resource templates.
    private(set) var entities: EntityStore
    /// The tenant's orgs, users and tokens: `base`, with the orgs and users of `entities` over it, and every minted
    /// token.
    private(set) var directory: IdentityDirectory
    /// What was minted, in order, to rebuild the directory and to save it.
    private(set) var minted: [MintedToken]
    /// The identities before anything was minted: the seed's, with the tenant's own tokens.
    let base: IdentityDirectory

    /// The state a tenant starts from: what the store loaded, or a snapshot's content.
    init(recipes: LoadedRecipes, minted: [MintedToken], entities: EntityStore, base: IdentityDirectory) {
        catalog = RecipeCatalog(recipes)
        self.base = base
        self.minted = minted
        self.entities = entities
        directory = Self.directory(base: base, entities: entities, minted: minted)
    }

    /// Each token was checked when it was minted; one that no longer fits the seed is left out.
    private static func directory(base: IdentityDirectory, entities: EntityStore, minted: [MintedToken]) -> IdentityDirectory {
        minted.reduce(base.overlaying(entities)) { directory, token in directory.replaying(token, managing: entities.identity(.user, named: token.username)) }
    }

    /// What the tenant holds beyond the seed: recipes in key order, what was minted, its entities.
    var content: TenantContent { TenantContent(recipes: catalog.recipes, minted: minted, entities: entities.sorted) }

    /// How to take a write back.
    enum Undo: Sendable {
        /// What each key held before, in the order the write changed them.
        case recipes([(key: RecipeKey, previous: Recipe?)])
        /// The whole state before.
        case whole(TenantState)
    }

    /// Applies a write and returns how to undo it.
    mutating func apply(_ write: TenantWrite) -> Undo {
        switch write {
        case let .recipes(put, removing):
            var previous: [(key: RecipeKey, previous: Recipe?)] = []
            for key in removing { previous.append((key, catalog.restore(key, to: nil))) }
            for recipe in put { previous.append((recipe.key, catalog.put(recipe))) }
            return .recipes(previous)
        case let .content(content):
            let before = self
            self = TenantState(recipes: LoadedRecipes(content.recipes), minted: content.minted, entities: EntityStore(content.entities), base: base)
            return .whole(before)
        case let .token(token, replacing):
            let before = self
            minted.removeAll { $0.token == replacing }
            minted.append(token)
            directory = directory.replaying(token, replacing: replacing, managing: entities.identity(.user, named: token.username))
            return .whole(before)
        case let .entities(put, removing):
            let before = self
            for key in removing { entities.remove(key) }
            for entity in put { entities.put(entity) }
            if write.changesIdentities { directory = Self.directory(base: base, entities: entities, minted: minted) }
            return .whole(before)
        }
    }

    /// Takes a write back.
    mutating func revert(_ undo: Undo) {
        switch undo {
        case let .recipes(previous):
            for entry in previous.reversed() { catalog.restore(entry.key, to: entry.previous) }
        case let .whole(before):
            self = before
        }
    }
}
