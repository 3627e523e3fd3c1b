import FoundationEssentials
import MicroHTTP
import SaturnDomain
import SaturnJSON

/// The control plane: what a test suite does to the mock. Thin glue, as for the API: bodies are read here, the
/// work is the registry's and the tenant's commands.
enum ControlEndpoints {
    /// `GET /_mock/health`: the store, the tenants, this tenant; 503 while the store cannot write.
    static func health(_ context: RequestContext) throws -> Answer {
        let store = context.registry.queue.store
        let health = store.health
        return .now(JSONResponse.make(health.writable ? 200 : 503, WireHealth(
            store: health, location: store.location, now: Date(), tenants: context.registry.names.count, served: context.served
        )))
    }

    /// `POST /_mock/reset`: the tenant back to the seed, in one transaction whatever its size.
    static func reset(_ context: RequestContext) throws -> Answer {
        let reset = try context.tenant.reset()
        let summary = WireTenantSummary(name: context.tenant.name, baseURL: context.baseURL(of: context.tenant.name), recipes: 0)
        return .whenDurable(reset.commit, success: JSONResponse.make(200, summary), changes: [])
    }

    /// `POST /_mock/tokens`: a token for a user of an org with a role, creating the user and the membership.
    static func mintToken(_ context: RequestContext) throws -> Answer {
        let body = try ObjectBody(context, allowed: ["username", "org", "role", "expires_in"])
        var issues = body.issues
        let username = body.fields?.string("username", required: true, maxLength: FieldLimits.ownerName, issues: &issues)
        let org = body.fields?.string("org", required: true, maxLength: FieldLimits.ownerName, issues: &issues)
        let role = body.fields?.oneOf("role", [OrgRole.admin.rawValue, OrgRole.member.rawValue], issues: &issues)
        let expiresIn = body.fields?.integer("expires_in", in: 0...(10 * 365 * 86_400), issues: &issues)
        guard issues.isEmpty, let username, let org else { throw DomainError.invalid(issues) }
        let minted = try context.tenant.mint(
            username: username, org: org, role: role.flatMap(OrgRole.init(rawValue:)) ?? .member, expiresIn: expiresIn.map(TimeInterval.init)
        )
        return .whenDurable(minted.commit, success: JSONResponse.make(201, WireMintedToken(minted: minted.value)), changes: [])
    }

    /// `GET /_mock/clock`.
    static func getClock(_ context: RequestContext) throws -> Answer {
        .now(JSONResponse.make(200, WireClock(clock: context.tenant.clock)))
    }

    /// `POST /_mock/clock`: `{"set": time}` freezes the clock there, `{"advance_seconds": n}` moves it,
    /// `{"frozen": false}` lets it run on.
    static func setClock(_ context: RequestContext) throws -> Answer {
        let body = try ObjectBody(context, allowed: ["set", "advance_seconds", "frozen"])
        var issues = body.issues
        let set = body.fields?.string("set", issues: &issues)
        let instant = set.flatMap { text in
            let parsed = UTCTimestamp.parse(text)
            if parsed == nil { issues.add("set", "must be \(UTCTimestamp.expectation), not '\(text)'") }
            return parsed
        }
        let advance = body.fields?.integer("advance_seconds", in: -(100 * 365 * 86_400)...(100 * 365 * 86_400), issues: &issues)
        let frozen = body.fields?.bool("frozen", issues: &issues)
        if set == nil, advance == nil, frozen == nil { issues.add("(body)", "give set, advance_seconds or frozen") }
        if set != nil, frozen == false { issues.add("frozen", "set freezes the clock; give frozen: false on its own to let it run") }
        try issues.throwIfAny()
        var change = ClockChange()
        change.freezeAt = instant
        change.freeze = frozen == true
        change.advance = TimeInterval(advance ?? 0)
        change.run = frozen == false
        try context.tenant.clock.apply(change)
        return .now(JSONResponse.make(200, WireClock(clock: context.tenant.clock)))
    }
}
