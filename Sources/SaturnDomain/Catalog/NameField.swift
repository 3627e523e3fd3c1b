/// Finds the recipes of a name, of every type and owner.
enum NameField: RecipeField {
    static func hash(of recipe: Recipe) -> Int { recipe.name.hashValue }
    static func recipe(_ recipe: Recipe, has name: String) -> Bool { recipe.name == name }
}
