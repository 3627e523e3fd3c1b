import MicroHTTP
import SaturnDomain
import SaturnJSON

/// `/api/recipes*`: thin glue from requests to the tenant's commands and views.
enum RecipeEndpoints {
    /// `POST /api/recipes/apply`: a legacy set, applied whole or not at all.
    static func applyLegacySet(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let drafts = try LegacySetReader.read(context.jsonBody()).map(RecipeDraft.image)
        let applied = try context.tenant.apply(drafts, createOnly: false, caller: caller)
        let view = context.tenant.view()
        return created(applied, WireAppliedSet(recipes: applied.value.recipes.map { WireRecipe(recipe: $0.recipe, view: view, applied: $0) }))
    }

    /// `PUT /api/recipes`: create or update one modern recipe.
    static func applyRecipe(_ context: RequestContext) throws -> Answer {
        try applyModern(context, createOnly: false)
    }

    /// `POST /api/recipes`: create one modern recipe; 409 if it exists.
    static func createRecipe(_ context: RequestContext) throws -> Answer {
        try applyModern(context, createOnly: true)
    }

    private static func applyModern(_ context: RequestContext, createOnly: Bool) throws -> Answer {
        let caller = try context.caller()
        var query = QueryReader(context.request)
        let rejectUnknown = query.bool("enforce_unknown", default: true)
        try query.finish()
        let draft = try ModernRecipeReader.read(context.jsonBody(), rejectUnknownFields: rejectUnknown)
        let applied = try context.tenant.apply([draft], createOnly: createOnly, caller: caller)
        let recipe = applied.value.recipes[0]
        return created(applied, WireRecipe(recipe: recipe.recipe, view: context.tenant.view(), applied: recipe))
    }

    /// The 201 an apply answers once it is durable, with a `Warning` header per warning.
    private static func created(_ applied: Committed<ApplyOutcome>, _ body: some JSONWritable) -> Answer {
        .whenDurable(
            applied.commit, success: JSONResponse.make(201, body, headers: warningHeaders(applied.value.warnings)),
            changes: RecordedChange.of(applied.value)
        )
    }

    /// `GET /api/recipes`.
    static func list(_ context: RequestContext) throws -> Answer {
        try cachedRead(context) { caller, view in
            var reader = QueryReader(context.request)
            var query = RecipeListQuery()
            query.type = reader.oneOf("type", RecipeType.names).flatMap(RecipeType.init(rawValue:))
            query.namePrefix = reader.value("name")
            query.owner = reader.owner()
            reader.page(into: &query)
            let asTemplate = reader.bool("as_template")
            try reader.finish()
            let page = try view.list(query, caller: caller)
            return (JSONResponse.make(200, WirePage(
                itemsKey: "recipes",
                items: page.recipes.map { WireRecipe(recipe: $0, view: view, asTemplate: asTemplate) },
                prevKey: page.previousCursor,
                nextKey: page.nextCursor
            )), page.recipes.allSatisfy { $0.type == .image })
        }
    }

    /// `GET /api/recipes/{type}/{name}`.
    static func get(_ context: RequestContext) throws -> Answer {
        try cachedRead(context) { caller, view in
            var reader = QueryReader(context.request)
            let owner = reader.owner()
            let asTemplate = reader.bool("as_template")
            try reader.finish()
            let recipe = try view.recipe(type: RecipeType.named(context.parameter("type")), name: context.parameter("name"), owner: owner, caller: caller)
            return (JSONResponse.make(200, WireRecipe(recipe: recipe, view: view, asTemplate: asTemplate)), recipe.type == .image)
        }
    }

    /// A read answered from the cache while the tenant is unchanged; the revision is read before the view is taken.
    /// `render` says whether its answer may be kept: one that shows a resource's status changes with the clock.
    private static func cachedRead(_ context: RequestContext, render: (User, TenantView) throws -> (HTTPResponse, cacheable: Bool)) throws -> Answer {
        let caller = try context.caller()
        let revision = context.tenant.revision
        return .now(try context.served.reads.response(for: ResponseCache.Key(caller: caller, request: context.request), revision: revision) {
            try render(caller, context.tenant.view())
        })
    }

    /// One RFC 7234 `Warning` header per warning, code 299 (persistent miscellaneous warning).
    static func warningHeaders(_ warnings: [String]) -> [(name: String, value: String)] {
        warnings.map { text in
            let quoted = text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
            return ("Warning", "299 saturn-mock \"\(quoted)\"")
        }
    }
}
