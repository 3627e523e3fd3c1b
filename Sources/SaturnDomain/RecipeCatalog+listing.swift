extension RecipeCatalog {
    /// One page of the recipes the caller may see in the query's scope. Walks the key index from the cursor and
    /// stops once the page is full, so a page costs the same with 100 recipes stored or 100,000.
    public func list(_ query: RecipeListQuery, caller: User) throws(DomainError) -> RecipePage {
        let scope = try RecipeScope(owner: query.owner, caller: caller, directory: directory)
        return state.withLock { current in
            let listing = Listing(state: current, scope: scope, query: query)
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
    }
}
