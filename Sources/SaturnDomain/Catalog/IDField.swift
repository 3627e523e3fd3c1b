/// Finds a recipe by its id.
enum IDField: RecipeField {
    static func hash(of recipe: Recipe) -> Int { recipe.id.hashValue }
    static func recipe(_ recipe: Recipe, has id: RecordID) -> Bool { recipe.id == id }
}
