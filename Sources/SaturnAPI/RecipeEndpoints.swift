import MicroHTTP
import SaturnDomain
import SaturnJSON

/// `/api/recipes*`: thin glue from requests to the tenant's catalog.
enum RecipeEndpoints {
    /// `POST /api/recipes/apply`: a legacy set, applied whole or not at all.
    static func applyLegacySet(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let drafts = try LegacySetReader.read(context.jsonBody()).map(RecipeDraft.image)
        let pending = try context.catalog.apply(drafts, createOnly: false, caller: caller)
        return created(pending, WireAppliedSet(recipes: pending.outcome.recipes.map { WireRecipe(recipe: $0.recipe, catalog: context.catalog, applied: $0) }))
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
        let pending = try context.catalog.apply([draft], createOnly: createOnly, caller: caller)
        let applied = pending.outcome.recipes[0]
        return created(pending, WireRecipe(recipe: applied.recipe, catalog: context.catalog, applied: applied))
    }

    /// The 201 an apply answers once it is durable, with a `Warning` header per warning.
    private static func created(_ pending: PendingApply, _ body: some JSONWritable) -> Answer {
        .whenDurable(
            pending.write, success: JSONResponse.make(201, body, headers: warningHeaders(pending.outcome.warnings)),
            changes: RecordedChange.of(pending.outcome)
        )
    }

    /// `GET /api/recipes`.
    static func list(_ context: RequestContext) throws -> Answer {
        try cachedRead(context) { caller in
            var reader = QueryReader(context.request)
            var query = RecipeListQuery()
            query.type = reader.oneOf("type", RecipeType.names).flatMap(RecipeType.init(rawValue:))
            query.namePrefix = reader.value("name")
            query.owner = reader.owner()
            reader.page(into: &query)
            let asTemplate = reader.bool("as_template")
            try reader.finish()
            let page = try context.catalog.list(query, caller: caller)
            return (JSONResponse.make(200, WirePage(
                itemsKey: "recipes",
                items: page.recipes.map { WireRecipe(recipe: $0, catalog: context.catalog, asTemplate: asTemplate) },
                prevKey: page.previousCursor,
                nextKey: page.nextCursor
            )), page.recipes.allSatisfy { $0.type == .image })
        }
    }

    /// `GET /api/recipes/{type}/{name}`.
    static func get(_ context: RequestContext) throws -> Answer {
        try cachedRead(context) { caller in
            var reader = QueryReader(context.request)
            let owner = reader.owner()
            let asTemplate = reader.bool("as_template")
            try reader.finish()
            let recipe = try context.catalog.recipe(type: RecipeType.named(context.parameter("type")), name: context.parameter("name"), owner: owner, caller: caller)
            return (JSONResponse.make(200, WireRecipe(recipe: recipe, catalog: context.catalog, asTemplate: asTemplate)), recipe.type == .image)
        }
    }

    /// A read answered from the cache while the catalog is unchanged; the revision is read before rendering.
    /// `render` says whether its answer may be kept: one that shows a resource's status changes with the clock.
    private static func cachedRead(_ context: RequestContext, render: (User) throws -> (HTTPResponse, cacheable: Bool)) throws -> Answer {
        let caller = try context.caller()
        let revision = context.catalog.revision
        return .now(try context.side.reads.response(for: ResponseCache.Key(caller: caller, request: context.request), revision: revision) {
            try render(caller)
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
