/// The field of a recipe an index finds it by: its hash and its comparison read the recipe in place, without
/// copying the field out (for a key, three strings retained and released at every step).
protocol RecipeField {
    associatedtype Value: Hashable
    /// Equal to the value's `hashValue`.
    static func hash(of recipe: Recipe) -> Int
    static func recipe(_ recipe: Recipe, has value: Value) -> Bool
}
