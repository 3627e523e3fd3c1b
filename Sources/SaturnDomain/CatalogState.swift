/// A tenant's recipes, the indexes that answer listings and look-ups without scanning every recipe, and its
/// identities. A value: the state before a write is kept, cheaply, to undo it.
struct CatalogState: Sendable {
    var byKey = RecipeIndex<KeyField>()
    var ordered = SortedRecipes()
    /// By recipe name, for `GET /api/recipes/{type}/{name}` and image references by name.
    var byName = RecipeIndex<NameField>()
    /// The recipes every org may see (`access: account`): the only ones a listing takes from other orgs.
    var accountWide = SortedRecipes()
    /// By recipe id, for the REST paths that name a recipe by id (`/api/images/{id}`).
    var byID = RecipeIndex<IDField>()
    /// The tenant's orgs, users and tokens: the base directory and every minted token.
    var directory: IdentityDirectory
    /// What was minted, in order, to rebuild the directory and to save it.
    var minted: [MintedToken]

    /// Indexes what the store loaded, at once rather than one by one: its recipes come sorted and one per key.
    init(recipes loaded: LoadedRecipes, minted: [MintedToken], base: IdentityDirectory) {
        let sorted = loaded.sortedBoxes
        byKey = RecipeIndex(distinct: sorted)
        byName = RecipeIndex(distinct: sorted)
        byID = RecipeIndex(distinct: sorted)
        ordered = SortedRecipes(sorted: sorted)
        accountWide = SortedRecipes(sorted: sorted.filter { $0.recipe.access == .account })
        // Each token was checked when it was minted; one that no longer fits the seed is left out.
        directory = minted.reduce(base) { directory, token in (try? directory.minting(token)) ?? directory }
        self.minted = minted
    }

    /// Stores a recipe and returns what it replaced.
    @discardableResult
    mutating func put(_ recipe: Recipe) -> Recipe? {
        let box = RecipeBox(recipe)
        let previous = byKey.put(box)
        if previous == nil { ordered.insert(box) } else { ordered.replace(with: box) }
        byName.put(box)
        if let previous, previous.id != recipe.id { byID.remove(previous) }
        byID.put(box)
        switch (previous?.access == .account, recipe.access == .account) {
        case (false, true): accountWide.insert(box)
        case (true, true): accountWide.replace(with: box)
        case (true, false): accountWide.remove(recipe.key)
        case (false, false): break
        }
        return previous
    }

    /// Puts back what a key held before a write: the old recipe, or nothing.
    mutating func restore(_ key: RecipeKey, to previous: Recipe?) {
        if let previous {
            put(previous)
        } else if let removed = byKey[key] {
            byKey.remove(removed)
            ordered.remove(key)
            byName.remove(removed)
            byID.remove(removed)
            if removed.access == .account { accountWide.remove(key) }
        }
    }

    /// The content to save: recipes in key order, and what was minted.
    var content: TenantContent {
        var walker = ordered.walk(ascending: true, from: nil)
        var recipes: [Recipe] = []
        recipes.reserveCapacity(ordered.count)
        while let box = walker.next() { recipes.append(box.recipe) }
        return TenantContent(recipes: recipes, minted: minted)
    }
}
