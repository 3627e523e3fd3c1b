/// Recipes by key, each held in a box of its own. A dictionary keeps a quarter or more of its buckets empty, and a
/// bucket holding a whole `Recipe` inline was most of the memory of a large store: with boxes, an empty bucket costs
/// a pointer, not a recipe.
public struct RecipeTable: Sendable, Sequence {
    fileprivate final class Box: Sendable {
        let recipe: Recipe
        init(_ recipe: Recipe) { self.recipe = recipe }
    }

    private var boxes: [RecipeKey: Box] = [:]

    /// An empty table.
    public init() {}

    public var count: Int { boxes.count }

    /// Makes room for `capacity` recipes.
    public mutating func reserveCapacity(_ capacity: Int) {
        boxes.reserveCapacity(capacity)
    }

    /// The recipe of a key.
    public subscript(key: RecipeKey) -> Recipe? {
        boxes[key]?.recipe
    }

    /// Stores a recipe under a key; returns what it replaced.
    @discardableResult
    public mutating func updateValue(_ recipe: Recipe, forKey key: RecipeKey) -> Recipe? {
        boxes.updateValue(Box(recipe), forKey: key)?.recipe
    }

    /// Removes a key's recipe; returns it.
    @discardableResult
    public mutating func removeValue(forKey key: RecipeKey) -> Recipe? {
        boxes.removeValue(forKey: key)?.recipe
    }

    /// Every recipe, in no particular order.
    public var values: some Sequence<Recipe> {
        boxes.values.lazy.map(\.recipe)
    }

    /// Every key and its recipe, in no particular order.
    public struct Iterator: IteratorProtocol {
        fileprivate var base: [RecipeKey: Box].Iterator

        public mutating func next() -> (key: RecipeKey, value: Recipe)? {
            base.next().map { (key: $0.key, value: $0.value.recipe) }
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(base: boxes.makeIterator())
    }
}
