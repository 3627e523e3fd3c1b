/// What a store holds when it opens: each recipe by key, and the keys in the order they were read (the snapshot's
/// sorted order, then what the journals added), so that indexing them at start needs almost no sorting.
public struct LoadedRecipes: Sendable {
    private(set) var byKey = RecipeIndex<KeyField>()
    public private(set) var order: [RecipeKey] = []

    /// Nothing loaded yet.
    public init() {}

    /// Nothing loaded yet, with room for `capacity` recipes.
    public init(capacity: Int) {
        byKey = RecipeIndex(capacity: capacity)
        order.reserveCapacity(capacity)
    }

    /// Adds or replaces a recipe.
    public mutating func upsert(_ recipe: Recipe) {
        if byKey.put(RecipeBox(recipe)) == nil { order.append(recipe.key) }
    }

    /// Removes a recipe; its key leaves the order too.
    public mutating func remove(_ key: RecipeKey) {
        guard let recipe = byKey[key] else { return }
        byKey.remove(recipe)
        order.removeAll { $0 == key }
    }

    /// Recipes in the order they were read, the last of a key winning.
    public init(_ recipes: [Recipe]) {
        self.init(capacity: recipes.count)
        for recipe in recipes { upsert(recipe) }
    }

    /// The recipes in key order.
    public var sorted: [Recipe] { order.sortedMostlySorted().compactMap { byKey[$0] } }
}

extension Array where Element == RecipeKey {
    /// Sorted, cheaply when most of the array already is: sorts only what follows the longest sorted prefix, then merges.
    public func sortedMostlySorted() -> [RecipeKey] {
        var prefixEnd = 1
        while prefixEnd < count, !(self[prefixEnd] < self[prefixEnd - 1]) { prefixEnd += 1 }
        guard prefixEnd < count else { return self }
        let tail = self[prefixEnd...].sorted()
        var merged: [RecipeKey] = []
        merged.reserveCapacity(count)
        var left = 0
        var right = 0
        while left < prefixEnd && right < tail.count {
            if tail[right] < self[left] {
                merged.append(tail[right])
                right += 1
            } else {
                merged.append(self[left])
                left += 1
            }
        }
        merged += self[left..<prefixEnd]
        merged += tail[right...]
        return merged
    }
}
