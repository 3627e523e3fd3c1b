import MicroHTTP
import SaturnDomain
import SaturnJSON

/// `/api/resource_templates`, as saturn-client calls it (Saturn's published spec does not have it; README "Orgs,
/// users, folders and limits").
enum ResourceTemplateEndpoints {
    /// `GET /api/resource_templates?q=`: the templates the caller sees, filtered as `TemplateQuery` reads `q`, by
    /// name, in one answer under `templates` (saturn-client reads no page keys here).
    static func list(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let query = QueryReader(context.request).value("q") ?? ""
        let filter = try TemplateQuery.parse(query).get()
        let view = context.tenant.view()
        let templates = view.resourceTemplates(filter, caller: caller)
        return .now(JSONResponse.make(200, WirePage(
            itemsKey: "templates", items: templates.map { WireResourceTemplate(template: $0, directory: view.directory) }, prevKey: nil, nextKey: nil
        )))
    }

    /// `POST /api/resource_templates`: a template of the caller, in its default org.
    static func create(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let draft = try read(context)
        return answer(try context.tenant.createResourceTemplate(draft, caller: caller), status: 201, action: "created", context: context)
    }

    /// `GET /api/resource_templates/{id}`.
    static func get(_ context: RequestContext) throws -> Answer {
        let view = context.tenant.view()
        let template = try view.resourceTemplate(context.parameter("id"), caller: context.caller())
        return .now(JSONResponse.make(200, WireResourceTemplate(template: template, directory: view.directory)))
    }

    /// `PATCH /api/resource_templates/{id}`: the fields given replace the template's.
    static func update(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let draft = try read(context)
        return answer(try context.tenant.editResourceTemplate(context.parameter("id"), draft, caller: caller), status: 200, action: "updated", context: context)
    }

    /// `DELETE /api/resource_templates/{id}`.
    static func delete(_ context: RequestContext) throws -> Answer {
        let deleted = try context.tenant.deleteResourceTemplate(context.parameter("id"), caller: context.caller())
        return .whenDurable(deleted.commit, success: JSONResponse.noContent(), changes: [change(deleted.value, action: "deleted")])
    }

    private static func read(_ context: RequestContext) throws -> ResourceTemplateDraft {
        let body = try ObjectBody(context, allowed: ["name", "description", "access", "recipe", "thumbnail_image_url", "weight", "in_gallery"])
        var issues = body.issues
        var draft = ResourceTemplateDraft()
        if let fields = body.fields {
            draft.name = fields.string("name", maxLength: FieldLimits.name, issues: &issues)
            if let name = draft.name, name.isEmpty { issues.add("name", "must not be empty") }
            draft.description = fields.string("description", issues: &issues)
            draft.access = fields.oneOf("access", RecipeAccess.allCases.map(\.rawValue), issues: &issues).flatMap(RecipeAccess.init(rawValue:))
            if let recipe = fields.values["recipe"], recipe != .null { draft.recipe = recipe }
            draft.thumbnailImageURL = fields.string("thumbnail_image_url", issues: &issues)
            draft.weight = fields.integer("weight", in: Int(Int32.min)...Int(Int32.max), issues: &issues)
            draft.inGallery = fields.bool("in_gallery", issues: &issues)
        }
        try issues.throwIfAny()
        return draft
    }

    private static func answer(_ committed: Committed<ResourceTemplate>, status: Int, action: String, context: RequestContext) -> Answer {
        .whenDurable(
            committed.commit, success: JSONResponse.make(status, WireResourceTemplate(template: committed.value, directory: context.tenant.directory)),
            changes: [change(committed.value, action: action)]
        )
    }

    private static func change(_ template: ResourceTemplate, action: String) -> RecordedChange {
        .of(.resourceTemplate, id: template.id, owner: template.owner.description, name: template.name, action: action)
    }
}
