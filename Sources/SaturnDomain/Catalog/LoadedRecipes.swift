/// What a store holds when it opens: every recipe put and every key removed, in the order they were read (the
/// snapshot's sorted order, then what the journals did), kept as a list and settled once at the end, so that
/// indexing them at start needs almost no sorting and no look-ups.
public struct LoadedRecipes: Sendable {
    /// A recipe put, or, with no box, its key removed.
    private var changes: [(key: RecipeKey, box: RecipeBox?)] = []

    /// Nothing loaded yet.
    public init() {}

    /// Nothing loaded yet, with room for `capacity` recipes.
    public init(capacity: Int) {
        changes.reserveCapacity(capacity)
    }

    /// Recipes in the order they were read, the last of a key winning.
    public init(_ recipes: [Recipe]) {
        self.init(capacity: recipes.count)
        for recipe in recipes { upsert(recipe) }
    }

    /// Whether nothing was read.
    public var isEmpty: Bool { changes.isEmpty }

    /// Adds or replaces a recipe.
    public mutating func upsert(_ recipe: Recipe) {
        changes.append((recipe.key, RecipeBox(recipe)))
    }

    /// Adds what `later` read after what this one read.
    public mutating func append(_ later: LoadedRecipes) {
        changes += later.changes
    }

    /// Removes a recipe.
    public mutating func remove(_ key: RecipeKey) {
        changes.append((key, nil))
    }

    /// The recipes in key order.
    public var sorted: [Recipe] { sortedBoxes.map(\.recipe) }

    /// The recipes' boxes in key order: for each key, what the last change to it left.
    var sortedBoxes: [RecipeBox] {
        // Usually what was read is in strictly increasing key order already (the snapshot's run, then journals that
        // added new keys), and then each key has one change: one pass checks it.
        if changes.indices.dropFirst().allSatisfy({ changes[$0 - 1].key < changes[$0].key }) {
            return changes.compactMap(\.box)
        }
        // A stable sort keeps each key's changes in the order they were read.
        let ordered = changes.sortedMostlySorted { $0.key < $1.key }
        var boxes: [RecipeBox] = []
        boxes.reserveCapacity(ordered.count)
        for (index, change) in ordered.enumerated() {
            let isLastOfKey = index == ordered.count - 1 || ordered[index + 1].key != change.key
            if isLastOfKey, let box = change.box { boxes.append(box) }
        }
        return boxes
    }
}
