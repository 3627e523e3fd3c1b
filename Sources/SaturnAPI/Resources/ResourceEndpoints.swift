import MicroHTTP
import SaturnDomain
import SaturnJSON

/// `/api/workspaces`, `/api/jobs`, `/api/deployments`: thin glue from Saturn's resource REST APIs to the tenant's
/// resource recipes and their lifecycle (README "A job's life").
enum ResourceEndpoints {
    /// The REST paths of one kind, registered on the router.
    static func register(_ kind: ResourceKind, on router: inout Router) {
        let base = "/api/\(kind.rawValue)s"
        router.add("GET", base) { try list(kind, $0) }
        router.add("POST", base) { try create(kind, $0) }
        router.add("GET", "\(base)/{id}") { try get(kind, $0) }
        router.add("PATCH", "\(base)/{id}") { try update(kind, $0) }
        router.add("DELETE", "\(base)/{id}") { try delete(kind, $0) }
        router.add("POST", "\(base)/{id}/start") { try start(kind, $0) }
        router.add("POST", "\(base)/{id}/stop") { context in
            try answer(kind, context, context.tenant.stop(kind, id: context.parameter("id"), caller: context.caller()), action: "stopped")
        }
        router.add("POST", "\(base)/{id}/restart") { try restart(kind, $0) }
        router.add("GET", "\(base)/{id}/recipe") { try recipe(kind, $0) }
        router.add("GET", "\(base)/{id}/history") { try PodEndpoints.history(kind, $0) }
        router.add("GET", "\(base)/{id}/logs") { try PodEndpoints.historicLogs(kind, $0) }
        if kind == .job {
            router.add("POST", "\(base)/{id}/schedule") { try schedule(true, $0) }
            router.add("POST", "\(base)/{id}/unschedule") { try schedule(false, $0) }
        }
    }

    /// The list's item key, as Saturn's `WorkspaceList`, `JobList` and `DeploymentList` name it.
    private static func itemsKey(_ kind: ResourceKind) -> StaticString {
        switch kind {
        case .workspace: return "workspaces"
        case .job: return "jobs"
        case .deployment: return "deployments"
        }
    }

    /// `GET /api/{type}s`: the resources the caller may see, paged and filtered as `GET /api/recipes` is.
    static func list(_ kind: ResourceKind, _ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        var query = RecipeListQuery()
        query.type = kind.recipeType
        query.nameContains = reader.value("name")
        query.owner = reader.owner()
        _ = reader.value("tags")
        reader.page(into: &query)
        try reader.finish()
        let view = context.tenant.view()
        let page = try view.list(query, caller: caller)
        let shared = SharedRenderings()
        let items = page.recipes.compactMap { recipe -> WireResource? in
            guard case let .resource(spec) = recipe.spec else { return nil }
            return WireResource(resource: view.resourceView(recipe, spec: spec), view: view, shared: shared)
        }
        return .now(JSONResponse.make(200, WirePage(itemsKey: itemsKey(kind), items: items, prevKey: page.previousCursor, nextKey: page.nextCursor)))
    }

    /// `GET /api/{type}s/{id}`.
    static func get(_ kind: ResourceKind, _ context: RequestContext) throws -> Answer {
        let view = context.tenant.view()
        let resource = try view.resourceView(kind, id: context.parameter("id"), caller: context.caller())
        return .now(JSONResponse.make(200, WireResource(resource: resource, view: view)))
    }

    /// `GET /api/{type}s/{id}/recipe`: the resource as a recipe, `as_template` as `GET /api/recipes/...` reads it.
    static func recipe(_ kind: ResourceKind, _ context: RequestContext) throws -> Answer {
        var reader = QueryReader(context.request)
        let asTemplate = reader.bool("as_template")
        try reader.finish()
        let view = context.tenant.view()
        let (recipe, _) = try view.resource(kind, id: context.parameter("id"), caller: context.caller())
        return .now(JSONResponse.make(200, WireRecipe(recipe: recipe, view: view, asTemplate: asTemplate)))
    }

    /// `POST /api/{type}s`: Saturn's `WorkspaceCreate`, `JobCreate` or `DeploymentCreate`, read as a PATCH body is,
    /// with a `name` and an `owner`; 201 with the resource as `GET` shows it.
    static func create(_ kind: ResourceKind, _ context: RequestContext) throws -> Answer {
        var allowed = fields(kind).union(["owner"])
        if kind == .workspace { allowed.formUnion(["ide", "self_destruct"]) }
        let body = try ObjectBody(context, allowed: allowed)
        var issues = body.issues
        var edit = ResourceEdit()
        var owner: OwnerReference?
        if let fields = body.fields {
            edit = readEdit(fields, kind: kind, issues: &issues)
            owner = ModernRecipeReader.ownerReference(fields.values["owner"], path: "owner", issues: &issues)
            if fields.values["name"] == nil { issues.add("name", "is required") }
            if case let .object(options)? = fields.values["cron_schedule_options"], options["schedule"] == nil {
                issues.add("cron_schedule_options.schedule", "is required: a cron schedule makes a job scheduled")
            }
        }
        guard issues.isEmpty, let name = edit.name else { throw DomainError.invalid(issues) }
        let created = try context.tenant.create(kind, named: name, owner: owner, edit, caller: context.caller())
        let resource = try shown(kind, created.value.recipes[0].recipe, context)
        return .whenDurable(created.commit, success: JSONResponse.make(201, resource), changes: RecordedChange.of(created.value))
    }

    /// `PATCH /api/{type}s/{id}`: Saturn's `WorkspaceUpdate`, `JobUpdate` or `DeploymentUpdate`. The fields that
    /// only a recipe spells as the mock keeps them are refused with a pointer to `PUT /api/recipes`.
    static func update(_ kind: ResourceKind, _ context: RequestContext) throws -> Answer {
        let body = try ObjectBody(context, allowed: fields(kind))
        var issues = body.issues
        let edit = body.fields.map { readEdit($0, kind: kind, issues: &issues) } ?? ResourceEdit()
        try issues.throwIfAny()
        return try answer(kind, context, context.tenant.edit(kind, id: context.parameter("id"), caller: context.caller(), edit), action: "updated")
    }

    /// The fields of Saturn's update of a kind, which its create has too.
    private static func fields(_ kind: ResourceKind) -> Set<String> {
        var fields = sharedUpdateFields.union(recipeOnlyFields)
        switch kind {
        case .workspace: fields.formUnion(["disk_space", "auto_shutoff", "start_ssh", "subdomain"])
        case .job: fields.formUnion(["command", "scale", "retries", "cron_schedule_options"])
        case .deployment: fields.formUnion(["command", "scale", "start_ssh", "subdomain", "healthcheck"])
        }
        return fields
    }

    /// The update fields every kind has.
    private static let sharedUpdateFields: Set<String> = [
        "name", "description", "tags", "image_uri", "image_tag_id", "image_enforce_trusted", "environment_variables",
        "config_files", "start_script", "working_dir", "instance_size", "is_spot", "start_dind", "external_repo_attachments",
    ]
    /// Update fields whose REST form differs from the recipe's (or that the mock derives): changed through a recipe.
    private static let recipeOnlyFields: Set<String> = ["extra_packages", "subdomain", "healthcheck"]
    /// Fields read on their own (into the edit, or a create's owner) rather than kept as settings.
    private static let editFields: Set<String> = [
        "name", "owner", "image_uri", "image_tag_id", "image_enforce_trusted", "instance_size", "command", "cron_schedule_options",
        "external_repo_attachments",
    ]

    /// The recipe fields a PATCH body sets, by their REST names.
    private static func readEdit(_ fields: JSONFields, kind: ResourceKind, issues: inout ValidationIssues) -> ResourceEdit {
        var edit = ResourceEdit()
        if fields.values["name"] != nil { edit.name = fields.recipeName("name", issues: &issues) }
        if let id = fields.string("image_tag_id", issues: &issues) { edit.image = .tagID(id) }
        if fields.values["image_uri"] != nil, let uri = fields.imageURI("image_uri", issues: &issues) { edit.image = .uri(uri, owner: nil) }
        // The mock marks no image as trusted, so there is nothing to enforce.
        _ = fields.bool("image_enforce_trusted", issues: &issues)
        edit.instanceType = fields.string("instance_size", issues: &issues)
        edit.command = fields.string("command", maxLength: FieldLimits.buildDataValue, issues: &issues)
        let renamed = ["working_dir": "working_directory", "is_spot": "use_spot_instance"]
        for (field, value) in fields.values.sorted(by: { $0.key < $1.key }) where !editFields.contains(field) {
            guard !recipeOnlyFields.contains(field) else {
                issues.add(fields.path(field), "saturn-mock changes this through the recipe only: PUT /api/recipes with the \(kind.rawValue)'s spec")
                continue
            }
            let name = renamed[field] ?? field
            if let checked = ResourceRecipeReader.setting(value, named: name, kind: kind, path: fields.path(field), issues: &issues) {
                edit.settings[name] = checked
            }
        }
        if let attachments = fields.values["external_repo_attachments"], attachments != .null {
            edit.gitRepositories = RepositoryAttachment.read(attachments, path: fields.path("external_repo_attachments"), issues: &issues)
        }
        if let options = fields.values["cron_schedule_options"], let cron = JSONFields(options, path: fields.path("cron_schedule_options"), issues: &issues) {
            cron.rejectUnknown(allowed: ["schedule", "concurrency_policy"], issues: &issues)
            readCron(cron, into: &edit, issues: &issues)
        }
        return edit
    }

    /// `schedule` and `concurrency_policy` (`CronScheduleUpdate`), checked.
    private static func readCron(_ cron: JSONFields, into edit: inout ResourceEdit, issues: inout ValidationIssues) {
        if let schedule = cron.cronSchedule("schedule", issues: &issues) { edit.schedule = schedule }
        if let policy = cron.oneOf("concurrency_policy", CronSchedule.concurrencyPolicies, issues: &issues) {
            edit.settings["concurrency_policy"] = .string(policy)
        }
    }

    /// `DELETE /api/{type}s/{id}`: 204; an active resource needs `allow_active=true`.
    static func delete(_ kind: ResourceKind, _ context: RequestContext) throws -> Answer {
        var reader = QueryReader(context.request)
        let allowActive = reader.bool("allow_active")
        try reader.finish()
        let deleted = try context.tenant.deleteResource(kind, id: context.parameter("id"), caller: context.caller(), allowActive: allowActive)
        return .whenDurable(deleted.commit, success: JSONResponse.noContent(), changes: [RecordedChange.of(deleted.value, action: "deleted")])
    }

    /// `POST /api/{type}s/{id}/start`, with an optional `{"debug_mode": true}`.
    static func start(_ kind: ResourceKind, _ context: RequestContext) throws -> Answer {
        let debugMode = try debugOption(context)
        return try answer(kind, context, context.tenant.start(kind, id: context.parameter("id"), caller: context.caller(), debugMode: debugMode), action: "started")
    }

    /// `POST /api/{type}s/{id}/restart`, with an optional `{"debug_mode": true}`.
    static func restart(_ kind: ResourceKind, _ context: RequestContext) throws -> Answer {
        let debugMode = try debugOption(context)
        return try answer(kind, context, context.tenant.restart(kind, id: context.parameter("id"), caller: context.caller(), debugMode: debugMode), action: "restarted")
    }

    /// `POST /api/jobs/{id}/schedule` (an optional `CronScheduleUpdate` body) and `/unschedule` (no body).
    static func schedule(_ scheduled: Bool, _ context: RequestContext) throws -> Answer {
        let body = try ObjectBody(context, allowed: scheduled ? ["schedule", "concurrency_policy"] : [])
        var issues = body.issues
        var edit = ResourceEdit()
        if let fields = body.fields { readCron(fields, into: &edit, issues: &issues) }
        try issues.throwIfAny()
        let written = try context.tenant.setScheduled(scheduled, jobID: context.parameter("id"), caller: context.caller(), edit)
        return try answer(.job, context, written, action: scheduled ? "scheduled" : "unscheduled")
    }

    private static func debugOption(_ context: RequestContext) throws -> Bool {
        let body = try ObjectBody(context, allowed: ["debug_mode"])
        var issues = body.issues
        let debugMode = body.fields?.bool("debug_mode", issues: &issues) ?? false
        try issues.throwIfAny()
        return debugMode
    }

    /// The 200 a lifecycle call or an edit answers once it is durable: the resource as it is now.
    private static func answer(_ kind: ResourceKind, _ context: RequestContext, _ written: Committed<RecipeChange>, action: String) throws -> Answer {
        let resource = try shown(kind, written.value.current, context)
        return .whenDurable(written.commit, success: JSONResponse.make(200, resource), changes: [RecordedChange.of(written.value, action: action)])
    }

    /// A written resource as `GET` shows it now.
    private static func shown(_ kind: ResourceKind, _ recipe: Recipe, _ context: RequestContext) throws -> WireResource {
        guard case let .resource(spec) = recipe.spec else { throw DomainError.resourceNotFound(kind: kind.rawValue, id: recipe.id.description) }
        let view = context.tenant.view()
        return WireResource(resource: view.resourceView(recipe, spec: spec), view: view)
    }
}
