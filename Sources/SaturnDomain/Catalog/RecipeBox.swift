/// A stored recipe in a box of its own, so that every index holds one pointer to it rather than a copy of it or of
/// its key.
final class RecipeBox: Sendable {
    let recipe: Recipe
    init(_ recipe: Recipe) { self.recipe = recipe }
}
