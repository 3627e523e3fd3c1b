/// The catalog's recipes and the indexes that answer listings and look-ups without scanning every recipe.
struct CatalogState {
    var byKey: [RecipeKey: Recipe] = [:]
    var ordered = SortedKeys()
    /// Keys by recipe name, for `GET /api/recipes/{type}/{name}`.
    var byName: [String: [RecipeKey]] = [:]
    /// Keys of recipes every org may see (`access: account`): the only ones a listing takes from other orgs.
    var accountWide = SortedKeys()

    /// Indexes what the store loaded, in its own order (already almost sorted), rather than one by one.
    init(loading loaded: LoadedRecipes) {
        byKey = loaded.byKey
        for key in loaded.order { byName[key.name, default: []].append(key) }
        let sorted = loaded.order.sortedMostlySorted()
        ordered = SortedKeys(sorted: sorted)
        accountWide = SortedKeys(sorted: sorted.filter { byKey[$0]?.access == .account })
    }

    /// Stores a recipe and returns what it replaced.
    @discardableResult
    mutating func put(_ recipe: Recipe) -> Recipe? {
        let previous = byKey.updateValue(recipe, forKey: recipe.key)
        if previous == nil {
            ordered.insert(recipe.key)
            byName[recipe.name, default: []].append(recipe.key)
        }
        let wasAccountWide = previous?.access == .account
        if recipe.access == .account && !wasAccountWide { accountWide.insert(recipe.key) }
        if recipe.access != .account && wasAccountWide { accountWide.remove(recipe.key) }
        return previous
    }

    /// Puts back what a key held before a write: the old recipe, or nothing.
    mutating func restore(_ key: RecipeKey, to previous: Recipe?) {
        if let previous {
            put(previous)
        } else if let removed = byKey.removeValue(forKey: key) {
            ordered.remove(key)
            byName[key.name]?.removeAll { $0 == key }
            if removed.access == .account { accountWide.remove(key) }
        }
    }
}
