import MicroHTTP
import SaturnDomain
import SaturnJSON

extension ControlEndpoints {
    /// `GET /_mock/tenants`.
    static func listTenants(_ context: RequestContext) throws -> Answer {
        let summaries = context.sides.registry.catalogs.map { WireTenantSummary(catalog: $0, baseURL: context.baseURL(of: $0.tenant)) }
        return .now(JSONResponse.make(200, WireList(key: "tenants", items: summaries)))
    }

    /// `POST /_mock/tenants`: a new installation from the seed, with fresh tokens; `from_snapshot` fills it with a
    /// snapshot of the tenant this call addresses.
    static func createTenant(_ context: RequestContext) throws -> Answer {
        let body = try ObjectBody(context, allowed: ["name", "from_snapshot"])
        var issues = body.issues
        let name = body.fields?.string("name", maxLength: 39, issues: &issues)
        let snapshotName = body.fields?.string("from_snapshot", maxLength: 39, issues: &issues)
        try issues.throwIfAny()
        var content = TenantContent()
        if let snapshotName {
            content = try snapshot(snapshotName, of: context)
        }
        let (catalog, record, write) = try context.sides.registry.create(name: name, content: content)
        let created = WireTenant(name: catalog.tenant, baseURL: context.baseURL(of: catalog.tenant), tokens: record.tokens, recipes: content.recipes.count)
        return .whenDurable(write, success: JSONResponse.make(201, created), changes: [])
    }

    /// `GET /_mock/tenants/{name}`: its base URL and its users' tokens (the seed's first valid one, for the default tenant).
    static func getTenant(_ context: RequestContext) throws -> Answer {
        let name = context.parameter("name")
        guard let catalog = context.sides.registry.catalog(named: name) else { throw DomainError.tenantNotFound(name) }
        let tokens = catalog.directory.users.compactMap { user in
            catalog.directory.validToken(of: user.username, now: catalog.clock.now()).map { UserTokens(username: user.username, token: $0, refreshToken: "") }
        }
        return .now(JSONResponse.make(200, WireTenant(name: name, baseURL: context.baseURL(of: name), tokens: tokens, recipes: catalog.count)))
    }

    /// `DELETE /_mock/tenants/{name}`: the tenant, its recipes, tokens, snapshots, journal and faults.
    static func deleteTenant(_ context: RequestContext) throws -> Answer {
        let name = context.parameter("name")
        let write = try context.sides.registry.delete(name: name)
        context.sides.forget(name)
        return .whenDurable(write, success: JSONResponse.noContent(), changes: [])
    }

    /// `GET /_mock/snapshots`: the tenant's named snapshots.
    static func listSnapshots(_ context: RequestContext) throws -> Answer {
        let names = context.sides.registry.log.store.snapshotNames(tenant: context.catalog.tenant)
        return .now(JSONResponse.make(200, WireList(key: "snapshots", items: names.map(WireString.init))))
    }

    /// `PUT /_mock/snapshots/{name}`: saves the tenant's whole state under the name, durably.
    static func saveSnapshot(_ context: RequestContext) throws -> Answer {
        let name = try snapshotName(context)
        let content = context.catalog.content
        do {
            try context.sides.registry.log.store.saveSnapshot(content, tenant: context.catalog.tenant, name: name)
        } catch {
            throw DomainError.storeUnavailable(reason: error.description)
        }
        return .now(JSONResponse.make(201, WireSnapshotSummary(name: name, content: content)))
    }

    /// `POST /_mock/snapshots/{name}/restore`: the tenant's state becomes the snapshot's, in one transaction.
    static func restoreSnapshot(_ context: RequestContext) throws -> Answer {
        let name = try snapshotName(context)
        let content = try snapshot(name, of: context)
        let write = try context.catalog.replaceContent(with: content)
        context.sides.registry.reindex(context.catalog)
        return .whenDurable(write, success: JSONResponse.make(200, WireSnapshotSummary(name: name, content: content)), changes: [])
    }

    /// `DELETE /_mock/snapshots/{name}`.
    static func deleteSnapshot(_ context: RequestContext) throws -> Answer {
        let name = try snapshotName(context)
        let deleted: Bool
        do {
            deleted = try context.sides.registry.log.store.deleteSnapshots(tenant: context.catalog.tenant, name: name)
        } catch {
            throw DomainError.storeUnavailable(reason: error.description)
        }
        guard deleted else { throw DomainError.snapshotNotFound(tenant: context.catalog.tenant, name: name) }
        return .now(JSONResponse.noContent())
    }

    /// `GET /_mock/state`: the tenant as one readable document, to keep as a fixture.
    static func exportState(_ context: RequestContext) throws -> Answer {
        .now(JSONResponse.make(200, WireState(content: context.catalog.content, catalog: context.catalog)))
    }

    /// `PUT /_mock/state`: loads a document of `GET /_mock/state`, checked as strictly as the API checks recipes.
    static func importState(_ context: RequestContext) throws -> Answer {
        let (content, write) = try context.catalog.importState(context.jsonBody())
        context.sides.registry.reindex(context.catalog)
        return .whenDurable(write, success: JSONResponse.make(200, WireImported(content: content)), changes: [])
    }

    private static func snapshotName(_ context: RequestContext) throws -> String {
        let name = context.parameter("name")
        guard OwnerName.isValid(name) else {
            throw DomainError.invalid(at: "name", "'\(name)' breaks the snapshot-name rule: \(OwnerName.rule)")
        }
        return name
    }

    private static func snapshot(_ name: String, of context: RequestContext) throws -> TenantContent {
        let found: TenantContent?
        do {
            found = try context.sides.registry.log.store.snapshot(tenant: context.catalog.tenant, name: name)
        } catch {
            throw DomainError.storeUnavailable(reason: error.description)
        }
        guard let found else { throw DomainError.snapshotNotFound(tenant: context.catalog.tenant, name: name) }
        return found
    }
}
