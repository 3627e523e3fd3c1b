import SaturnDomain

/// The route table: where each endpoint's behaviour lives, one hop away.
enum SaturnRoutes {
    static func make(servers: ServerCatalog) -> Router {
        var router = Router()
        // The catalogue never changes while serving: encoded once.
        let serverOptions = JSONResponse.make(200, WireServerOptions(servers: servers))
        router.add("GET", "/api/info/servers") { context in
            _ = try context.caller()
            return .now(serverOptions)
        }
        router.add("GET", "/api/status", IdentityEndpoints.status)
        router.add("GET", "/api/user", IdentityEndpoints.currentUser)
        router.add("GET", "/api/orgs", IdentityEndpoints.orgs)
        router.add("POST", "/api/auth/token", IdentityEndpoints.refreshToken)
        router.add("GET", "/api/recipes", RecipeEndpoints.list)
        router.add("PUT", "/api/recipes", RecipeEndpoints.applyRecipe)
        router.add("POST", "/api/recipes", RecipeEndpoints.createRecipe)
        router.add("POST", "/api/recipes/apply", RecipeEndpoints.applyLegacySet)
        router.add("GET", "/api/recipes/{type}/{name}", RecipeEndpoints.get)
        return router
    }
}
