/// A tenant's recipes of every type, and the indexes that answer listings and look-ups without scanning every
/// recipe. A value: the catalog before a commit is kept, cheaply, to undo it.
struct RecipeCatalog: Sendable {
    var byKey = RecipeIndex<KeyField>()
    var ordered = SortedRecipes()
    /// By recipe name, for `GET /api/recipes/{type}/{name}` and image references by name.
    var byName = RecipeIndex<NameField>()
    /// The recipes every org may see (`access: account`): the only ones a listing takes from other orgs.
    var accountWide = SortedRecipes()
    /// By recipe id, for the REST paths that name a recipe by id (`/api/images/{id}`).
    var byID = RecipeIndex<IDField>()

    /// Indexes what the store loaded, at once rather than one by one: its recipes come sorted and one per key.
    init(_ loaded: LoadedRecipes) {
        let sorted = loaded.sortedBoxes
        byKey = RecipeIndex(distinct: sorted)
        byName = RecipeIndex(distinct: sorted)
        byID = RecipeIndex(distinct: sorted)
        ordered = SortedRecipes(sorted: sorted)
        accountWide = SortedRecipes(sorted: sorted.filter { $0.recipe.access == .account })
    }

    /// How many recipes it holds.
    var count: Int { ordered.count }

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

    /// Puts back what a key held before a commit: the old recipe, or nothing. Returns what it held.
    @discardableResult
    mutating func restore(_ key: RecipeKey, to previous: Recipe?) -> Recipe? {
        if let previous { return put(previous) }
        guard let removed = byKey[key] else { return nil }
        byKey.remove(removed)
        ordered.remove(key)
        byName.remove(removed)
        byID.remove(removed)
        if removed.access == .account { accountWide.remove(key) }
        return removed
    }

    /// Every recipe in key order.
    var recipes: [Recipe] {
        var walker = ordered.walk(ascending: true, from: nil)
        var recipes: [Recipe] = []
        recipes.reserveCapacity(ordered.count)
        while let box = walker.next() { recipes.append(box.recipe) }
        return recipes
    }

    /// Every image recipe, in key order, without touching the other types.
    var images: [Recipe] {
        var walker = ordered.walk(ascending: true, from: RecipeKey(type: .image, owner: OwnerPath(org: "", identity: ""), name: ""))
        var found: [Recipe] = []
        while let box = walker.next(), box.recipe.type == .image { found.append(box.recipe) }
        return found
    }

    /// Every workspace, job and deployment.
    var resources: [Recipe] {
        byKey.values.filter { $0.type != .image }
    }
}
