import MicroHTTP
import SaturnDomain

/// `/api/recipes*`: thin glue from requests to the catalog.
struct RecipeEndpoints: Sendable {
    let catalog: RecipeCatalog
    private let reads = ResponseCache()

    init(catalog: RecipeCatalog) {
        self.catalog = catalog
    }

    /// `POST /api/recipes/apply`: a legacy set, applied whole or not at all.
    func applyLegacySet(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let drafts = try LegacySetReader.read(context.jsonBody())
        let pending = try catalog.apply(drafts, createOnly: false, caller: caller)
        let outcome = pending.outcome
        let body = WireAppliedSet(recipes: outcome.images.map { WireRecipe(recipe: $0.recipe, applied: $0) })
        return .whenDurable(pending, success: JSONResponse.make(201, body, headers: Self.warningHeaders(outcome.warnings)))
    }

    /// `PUT /api/recipes`: create or update one modern recipe.
    func applyRecipe(_ context: RequestContext) throws -> Answer {
        try applyModern(context, createOnly: false)
    }

    /// `POST /api/recipes`: create one modern recipe; 409 if it exists.
    func createRecipe(_ context: RequestContext) throws -> Answer {
        try applyModern(context, createOnly: true)
    }

    private func applyModern(_ context: RequestContext, createOnly: Bool) throws -> Answer {
        let caller = try context.caller()
        var query = QueryReader(context.request)
        let rejectUnknown = query.bool("enforce_unknown", default: true)
        try query.finish()
        let draft = try ModernRecipeReader.read(context.jsonBody(), rejectUnknownFields: rejectUnknown)
        let pending = try catalog.apply([draft], createOnly: createOnly, caller: caller)
        let applied = pending.outcome.images[0]
        let success = JSONResponse.make(201, WireRecipe(recipe: applied.recipe, applied: applied), headers: Self.warningHeaders(pending.outcome.warnings))
        return .whenDurable(pending, success: success)
    }

    /// `GET /api/recipes`.
    func list(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let revision = catalog.revision
        return .now(try reads.response(for: ResponseCache.Key(caller: caller, request: context.request), revision: revision) {
            var reader = QueryReader(context.request)
            var query = RecipeListQuery()
            query.type = reader.oneOf("type", ModernRecipeReader.recipeTypes)
            query.namePrefix = reader.value("name")
            query.owner = reader.owner()
            query.pageSize = reader.integer("page_size", in: 1...1000, default: 100)
            query.after = reader.cursor("next_key")
            query.before = reader.cursor("prev_key")
            if query.after != nil && query.before != nil {
                reader.issues.add("prev_key", "give next_key or prev_key, not both")
            }
            query.descending = reader.bool("descending")
            let asTemplate = reader.bool("as_template")
            try reader.finish()
            let page = try catalog.list(query, caller: caller)
            return JSONResponse.make(200, WirePage(
                itemsKey: "recipes",
                items: page.recipes.map { WireRecipe(recipe: $0, asTemplate: asTemplate) },
                prevKey: page.previousCursor,
                nextKey: page.nextCursor
            ))
        })
    }

    /// `GET /api/recipes/{type}/{name}`.
    func get(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let revision = catalog.revision
        return .now(try reads.response(for: ResponseCache.Key(caller: caller, request: context.request), revision: revision) {
            var reader = QueryReader(context.request)
            let owner = reader.owner()
            let asTemplate = reader.bool("as_template")
            try reader.finish()
            let recipe = try catalog.recipe(type: context.parameter("type"), name: context.parameter("name"), owner: owner, caller: caller)
            return JSONResponse.make(200, WireRecipe(recipe: recipe, asTemplate: asTemplate))
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
