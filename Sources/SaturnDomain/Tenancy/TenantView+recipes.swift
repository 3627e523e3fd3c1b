extension TenantView {
    /// One page of the recipes the caller may see in the query's scope. Walks the key index from the cursor and
    /// stops once the page is full, so a page costs the same with 100 recipes stored or 100,000.
    public func list(_ query: RecipeListQuery, caller: User) throws(DomainError) -> RecipePage {
        let scope = try RecipeScope(owner: query.owner, caller: caller, directory: directory)
        let listing = Listing(catalog: state.catalog, scope: scope, query: query)
        // Walk away from the cursor; `prev_key` walks back and the page is turned round.
        let forward = query.before == nil
        var walk = listing.walk(forward: forward, from: query.after ?? query.before)
        var found: [Listing.Keyed] = []
        while found.count <= query.pageSize, let next = walk.next() { found.append(next) }
        let more = found.count > query.pageSize
        found = Array(found.prefix(query.pageSize))
        if !forward { found.reverse() }
        let keys = found.map { $0.key }
        let hasPrevious: Bool
        let hasNext: Bool
        if forward {
            hasNext = more
            hasPrevious = query.after.map { listing.anyBeyond(keys.first ?? $0, forward: false) } ?? false
        } else {
            hasPrevious = more
            hasNext = query.before.map { listing.anyBeyond(keys.last ?? $0, forward: true) } ?? false
        }
        return RecipePage(
            recipes: found.map { $0.box.recipe },
            previousCursor: hasPrevious ? (keys.first ?? query.after)?.cursorToken : nil,
            nextCursor: hasNext ? (keys.last ?? query.before)?.cursorToken : nil
        )
    }

    /// The recipe of this type and name that the caller means: its own first, then its scope org's, else ambiguous.
    public func recipe(type: RecipeType, name: String, owner: OwnerReference?, caller: User) throws(DomainError) -> Recipe {
        let scope = try RecipeScope(owner: owner, caller: caller, directory: directory)
        let candidates = state.catalog.byName.all(name).filter { $0.type == type && scope.includes($0) }.sorted { $0.key < $1.key }
        let preferences: [(Recipe) -> Bool] = [
            { _ in true },
            { $0.owner == OwnerPath(org: scope.org.name, identity: caller.username) },
            { $0.owner.org == scope.org.name },
        ]
        for preference in preferences {
            let chosen = candidates.filter(preference)
            if chosen.count == 1 { return chosen[0] }
        }
        guard candidates.isEmpty else {
            throw .ambiguousRecipe(type: type.rawValue, name: name, owners: candidates.map(\.owner.description))
        }
        throw .recipeNotFound(type: type.rawValue, name: name)
    }

    /// The recipe with this id, if it is of `type` and the caller may see it.
    func recipe(id: String, type: RecipeType, caller: User) -> Recipe? {
        guard let found = state.catalog.byID[RecordID(id)], found.type == type, RecipeScope.sees(found, caller) else { return nil }
        return found
    }
}
