import MicroHTTP
import SaturnDomain
import SaturnJSON

/// `/api/limits`: usage limits of orgs (README "Orgs, users, folders and limits"). The mock keeps and shows them; it
/// does not enforce them.
enum UsageLimitEndpoints {
    /// `GET /api/limits`: the limits of the caller's orgs (or of `org_id`), filtered by `name` (a part of it).
    static func list(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        let orgID = reader.value("org_id")
        let name = reader.value("name")
        let limits = try context.tenant.view().usageLimits(orgID: orgID, caller: caller).filter { limit in name.map { limit.name.contains($0) } ?? true }
        let page = KeyedPage(limits, key: { "\($0.orgID)/\($0.name)" }, reader: &reader)
        try reader.finish()
        return page.answer("usage_limits", WireUsageLimit.init)
    }

    /// `POST /api/limits`: a limit of `org_id` (the caller's default org when none), by the org's admins.
    static func create(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let body = try ObjectBody(context, allowed: allowedFields.union(["org_id"]))
        var issues = body.issues
        let orgID = body.fields?.string("org_id", issues: &issues)
        let draft = body.fields.map { read($0, creating: true, issues: &issues) }
        guard issues.isEmpty, let draft else { throw DomainError.invalid(issues) }
        let org = orgID ?? (context.tenant.directory.org(named: caller.defaultOrg)?.id ?? "")
        return answer(try context.tenant.createUsageLimit(org: org, draft, caller: caller), status: 201, action: "created")
    }

    /// `GET /api/limits/{limits_id}`.
    static func get(_ context: RequestContext) throws -> Answer {
        let limit = try context.tenant.view().usageLimit(context.parameter("limits_id"), caller: context.caller())
        return .now(JSONResponse.make(200, WireUsageLimit(limit: limit)))
    }

    /// `PATCH /api/limits/{limits_id}`: each field given replaces the stored one; a null clears a cap, as
    /// saturn-client's `patch_usage_limit` sends every field. That method may be handed the whole `UsageLimit` it
    /// was answered: its `id`, `org_id` and `created_at` are read, and must not change.
    static func update(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let id = context.parameter("limits_id")
        let body = try ObjectBody(context, allowed: allowedFields.union(["id", "org_id", "created_at"]))
        var issues = body.issues
        if let fields = body.fields {
            let stored = try context.tenant.view().usageLimit(id, caller: caller)
            if let given = fields.string("id", issues: &issues), given != stored.id { issues.add("id", "is '\(stored.id)', the limit's id; it does not change") }
            if let given = fields.string("org_id", issues: &issues), given != stored.orgID { issues.add("org_id", "a limit stays in its org, '\(stored.orgID)'") }
            _ = fields.string("created_at", issues: &issues)
        }
        let draft = body.fields.map { read($0, creating: false, issues: &issues) }
        guard issues.isEmpty, let draft else { throw DomainError.invalid(issues) }
        return answer(try context.tenant.editUsageLimit(id, draft, caller: caller), status: 200, action: "updated")
    }

    /// `DELETE /api/limits/{limits_id}`: a limit no org or user is held to.
    static func delete(_ context: RequestContext) throws -> Answer {
        let deleted = try context.tenant.deleteUsageLimit(context.parameter("limits_id"), caller: context.caller())
        return .whenDurable(deleted.commit, success: JSONResponse.noContent(), changes: [change(deleted.value, action: "deleted")])
    }

    private static let allowedFields = Set(["name", "is_default", "instance_sizes", "resource_types", "token_factory_enabled"] + UsageLimit.amountNames)

    /// The fields of a create or an update. `token_factory_enabled` is refused: saturn-client's `UsageLimit` cannot
    /// read a limit that shows it, so the mock keeps none.
    private static func read(_ fields: JSONFields, creating: Bool, issues: inout ValidationIssues) -> UsageLimitDraft {
        var draft = UsageLimitDraft()
        draft.name = fields.string("name", required: creating, maxLength: FieldLimits.name, issues: &issues)
        if let name = draft.name, name.isEmpty { issues.add("name", "must not be empty") }
        draft.isDefault = fields.bool("is_default", issues: &issues)
        if let value = fields.values["instance_sizes"] { draft.instanceSizes = value == .null ? .some(nil) : fields.strings("instance_sizes", issues: &issues) }
        if let value = fields.values["resource_types"] {
            draft.resourceTypes = value == .null ? .some(nil) : fields.strings("resource_types", allowed: ResourceKind.allCases.map(\.rawValue), issues: &issues)
        }
        if let value = fields.values["token_factory_enabled"], value != .null {
            issues.add("token_factory_enabled", "is not kept by the mock: saturn-client's UsageLimit cannot read a limit that shows it")
        }
        for name in UsageLimit.amountNames {
            guard let value = fields.values[name] else { continue }
            draft.amounts[name] = value == .null ? .some(nil) : fields.integer(name, in: 0...Int(Int32.max), issues: &issues)
        }
        return draft
    }

    private static func answer(_ committed: Committed<UsageLimit>, status: Int, action: String) -> Answer {
        .whenDurable(committed.commit, success: JSONResponse.make(status, WireUsageLimit(limit: committed.value)), changes: [change(committed.value, action: action)])
    }

    private static func change(_ limit: UsageLimit, action: String) -> RecordedChange {
        .of(.usageLimit, id: limit.id, name: limit.name, action: action)
    }
}
