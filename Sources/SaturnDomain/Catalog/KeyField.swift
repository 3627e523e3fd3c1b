/// Finds a recipe by its key: type, owner and name.
enum KeyField: RecipeField {
    static func hash(of recipe: Recipe) -> Int { RecipeKey.hash(name: recipe.name, type: recipe.type) }
    static func recipe(_ recipe: Recipe, has key: RecipeKey) -> Bool { recipe.has(key) }
}
