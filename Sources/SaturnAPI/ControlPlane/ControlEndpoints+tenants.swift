import MicroHTTP
import SaturnDomain
import SaturnJSON

extension ControlEndpoints {
    /// `GET /_mock/tenants`.
    static func listTenants(_ context: RequestContext) throws -> Answer {
        let summaries = context.registry.all.map { WireTenantSummary(name: $0.name, baseURL: context.baseURL(of: $0.name), recipes: $0.count) }
        return .now(JSONResponse.make(200, WireList(key: "tenants", items: summaries)))
    }

    /// `POST /_mock/tenants`: a new installation from the seed, with fresh tokens; `from_snapshot` fills it with a
    /// snapshot of the tenant this call addresses.
    static func createTenant(_ context: RequestContext) throws -> Answer {
        let body = try ObjectBody(context, allowed: ["name", "from_snapshot"])
        var issues = body.issues
        let name = body.fields?.string("name", maxLength: FieldLimits.ownerName, issues: &issues)
        let snapshotName = body.fields?.string("from_snapshot", maxLength: FieldLimits.ownerName, issues: &issues)
        try issues.throwIfAny()
        let content = try snapshotName.map { try context.tenant.snapshot(named: $0) } ?? TenantContent()
        let created = try context.registry.create(name: name, content: content)
        let (tenant, record) = created.value
        let summary = WireTenantSummary(name: tenant.name, baseURL: context.baseURL(of: tenant.name), recipes: content.recipes.count)
        // A snapshot may hold users deleted over the API: their tokens open nothing.
        let answer = WireTenant(summary: summary, tokens: record.tokens.filter { tenant.directory.user(named: $0.username) != nil })
        return .whenDurable(created.commit, success: JSONResponse.make(201, answer), changes: [])
    }

    /// `GET /_mock/tenants/{name}`: its base URL and its users' tokens (the seed's first valid one, for the default tenant).
    static func getTenant(_ context: RequestContext) throws -> Answer {
        let name = context.parameter("name")
        guard let tenant = context.registry.tenant(named: name) else { throw DomainError.tenantNotFound(name) }
        let view = tenant.view()
        let tokens = view.directory.users.compactMap { user in
            view.directory.validToken(of: user.username, now: view.now).map { UserTokens(username: user.username, token: $0, refreshToken: "") }
        }
        let summary = WireTenantSummary(name: name, baseURL: context.baseURL(of: name), recipes: view.count)
        return .now(JSONResponse.make(200, WireTenant(summary: summary, tokens: tokens)))
    }

    /// `DELETE /_mock/tenants/{name}`: the tenant, its recipes, tokens, snapshots, journal and faults.
    static func deleteTenant(_ context: RequestContext) throws -> Answer {
        let name = context.parameter("name")
        let commit = try context.registry.delete(name: name)
        context.servedTenants.forget(name)
        return .whenDurable(commit, success: JSONResponse.noContent(), changes: [])
    }

    /// `GET /_mock/snapshots`: the tenant's named snapshots.
    static func listSnapshots(_ context: RequestContext) throws -> Answer {
        .now(JSONResponse.make(200, WireList(key: "snapshots", items: context.tenant.snapshotNames.map(WireString.init))))
    }

    /// `PUT /_mock/snapshots/{name}`: saves the tenant's whole state under the name, durably.
    static func saveSnapshot(_ context: RequestContext) throws -> Answer {
        let name = try snapshotName(context)
        let content = try context.tenant.saveSnapshot(named: name)
        return .now(JSONResponse.make(201, WireSnapshotSummary(name: name, content: content)))
    }

    /// `POST /_mock/snapshots/{name}/restore`: the tenant's state becomes the snapshot's, in one transaction.
    static func restoreSnapshot(_ context: RequestContext) throws -> Answer {
        let name = try snapshotName(context)
        let restored = try context.tenant.restore(snapshot: name)
        return .whenDurable(restored.commit, success: JSONResponse.make(200, WireSnapshotSummary(name: name, content: restored.value)), changes: [])
    }

    /// `DELETE /_mock/snapshots/{name}`.
    static func deleteSnapshot(_ context: RequestContext) throws -> Answer {
        try context.tenant.deleteSnapshot(named: snapshotName(context))
        return .now(JSONResponse.noContent())
    }

    /// `GET /_mock/state`: the tenant as one readable document, to keep as a fixture.
    static func exportState(_ context: RequestContext) throws -> Answer {
        let view = context.tenant.view()
        return .now(JSONResponse.make(200, WireState(view: view, content: try view.portableContent())))
    }

    /// `PUT /_mock/state`: loads a document of `GET /_mock/state`, checked as strictly as the API checks recipes.
    static func importState(_ context: RequestContext) throws -> Answer {
        let imported = try context.tenant.importState(context.jsonBody())
        return .whenDurable(imported.commit, success: JSONResponse.make(200, WireImported(content: imported.value)), changes: [])
    }

    private static func snapshotName(_ context: RequestContext) throws -> String {
        let name = context.parameter("name")
        guard OwnerName.isValid(name) else {
            throw DomainError.invalid(at: "name", "'\(name)' breaks the snapshot-name rule: \(OwnerName.rule)")
        }
        return name
    }
}
