/// The route table: where each endpoint's behaviour lives, one hop away.
enum SaturnRoutes {
    static func make(recipes: RecipeEndpoints, identity: IdentityEndpoints) -> Router {
        var router = Router()
        router.add("GET", "/api/status", identity.status)
        router.add("GET", "/api/user", identity.currentUser)
        router.add("GET", "/api/orgs", identity.orgs)
        router.add("GET", "/api/recipes", recipes.list)
        router.add("PUT", "/api/recipes", recipes.applyRecipe)
        router.add("POST", "/api/recipes", recipes.createRecipe)
        router.add("POST", "/api/recipes/apply", recipes.applyLegacySet)
        router.add("GET", "/api/recipes/{type}/{name}", recipes.get)
        return router
    }
}
