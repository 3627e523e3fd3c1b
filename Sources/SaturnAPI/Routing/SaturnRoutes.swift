import SaturnDomain

/// The route table: where each endpoint's behaviour lives, one hop away.
enum SaturnRoutes {
    static func make(servers: ServerCatalog) -> Router {
        var router = Router()
        // The catalogue never changes while serving: encoded once.
        let serverOptions = JSONResponse.make(200, WireServerOptions(servers: servers)).preparedOnce()
        router.add("GET", "/api/info/servers") { context in
            _ = try context.caller()
            return .now(serverOptions)
        }
        router.add("GET", "/", UIEndpoints.index)
        router.add("GET", "/ui/app.js", UIEndpoints.appScript)
        router.add("GET", "/ui/app.css", UIEndpoints.appStyles)
        router.add("GET", "/api/status", IdentityEndpoints.status)
        router.add("GET", "/api/user", IdentityEndpoints.currentUser)
        router.add("GET", "/api/orgs", IdentityEndpoints.orgs)
        router.add("POST", "/api/auth/token", IdentityEndpoints.refreshToken)
        router.add("GET", "/api/recipes", RecipeEndpoints.list)
        router.add("PUT", "/api/recipes", RecipeEndpoints.applyRecipe)
        router.add("POST", "/api/recipes", RecipeEndpoints.createRecipe)
        router.add("POST", "/api/recipes/apply", RecipeEndpoints.applyLegacySet)
        router.add("GET", "/api/recipes/{type}/{name}", RecipeEndpoints.get)
        router.add("GET", "/api/images", ImageEndpoints.list)
        router.add("POST", "/api/images", ImageEndpoints.create)
        router.add("GET", "/api/images/{image_id}", ImageEndpoints.get)
        router.add("PATCH", "/api/images/{image_id}", ImageEndpoints.update)
        router.add("DELETE", "/api/images/{image_id}", ImageEndpoints.delete)
        router.add("GET", "/api/images/{image_id}/tags", ImageTagEndpoints.list)
        router.add("POST", "/api/images/{image_id}/tags", ImageTagEndpoints.create)
        router.add("GET", "/api/images/{image_id}/tags/{image_tag_id}", ImageTagEndpoints.get)
        router.add("PATCH", "/api/images/{image_id}/tags/{image_tag_id}", ImageTagEndpoints.update)
        router.add("DELETE", "/api/images/{image_id}/tags/{image_tag_id}", ImageTagEndpoints.delete)
        for kind in ResourceKind.allCases { ResourceEndpoints.register(kind, on: &router) }
        router.add("GET", "/api/active/pods", PodEndpoints.live)
        router.add("GET", "/api/active/pods/{name}", PodEndpoints.get)
        router.add("GET", "/api/active/pods/{name}/logs", PodEndpoints.logs)
        ObjectStorageEndpoints.register(on: &router)
        return router
    }
}
