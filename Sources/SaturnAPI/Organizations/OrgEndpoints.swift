import FoundationEssentials
import MicroHTTP
import SaturnDomain

/// `/api/orgs`: orgs, their members and owners, invitations and usage, and `/api/billing/info` (README "Orgs, users,
/// folders and limits").
enum OrgEndpoints {
    /// `GET /api/orgs`: the caller's orgs, `is_primary` on its default one; every org with `all_orgs` for an admin of
    /// the installation. Filtered by `name` (a part of it), in name order.
    static func list(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        let all = reader.bool("all_orgs")
        let name = reader.value("name")
        let orgs = try context.tenant.view().orgs(all: all, caller: caller).filter { org in name.map { org.name.contains($0) } ?? true }
        let page = KeyedPage(orgs, key: \.name, reader: &reader)
        try reader.finish()
        return page.answer("orgs") { WireOrg(org: $0, isDefault: $0.name == caller.defaultOrg) }
    }

    /// `POST /api/orgs`: an admin of the installation makes an org, and becomes its admin. saturn-client sends its
    /// optional fields as null.
    static func create(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let body = try ObjectBody(context, allowed: ["name", "email", "description", "website_url", "logo_image_url", "limits_id"])
        var issues = body.issues
        let name = body.fields?.string("name", required: true, maxLength: FieldLimits.name, issues: &issues)
        if let name, !OwnerName.isValid(name) { issues.add("name", "'\(name)' breaks the owner-name rule: \(OwnerName.rule)") }
        let email = body.fields?.email("email", required: true, issues: &issues)
        var description: String?, websiteURL: String?, logoImageURL: String?
        if let fields = body.fields {
            description = fields.string("description", issues: &issues)
            websiteURL = fields.string("website_url", issues: &issues)
            logoImageURL = fields.string("logo_image_url", issues: &issues)
            if fields.string("limits_id", issues: &issues) != nil {
                issues.add("limits_id", "a new org has no usage limits yet: make the org, then its limit (POST /api/limits), then PATCH the org with it")
            }
        }
        guard issues.isEmpty, let name, let email else { throw DomainError.invalid(issues) }
        var draft = OrgDraft(name: name, email: email)
        draft.description = description
        draft.websiteURL = websiteURL
        draft.logoImageURL = logoImageURL
        let created = try context.tenant.createOrg(draft, caller: caller)
        return answer(created, status: 201, action: "created", caller: caller)
    }

    /// `GET /api/orgs/{org_id}`: an org the caller belongs to (any, for an admin of the installation).
    static func get(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let org = try context.tenant.view().org(context.parameter("org_id"), caller: caller)
        return .now(JSONResponse.make(200, WireOrg(org: org, isDefault: org.name == caller.defaultOrg)))
    }

    /// `PATCH /api/orgs/{org_id}`: its admins change it. saturn-client sends `name`, which the spec's `OrgUpdate`
    /// does not have: the org's own name is accepted, any other refused. A `null` `limits_id` clears the limit.
    static func update(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let body = try ObjectBody(context, allowed: ["name", "email", "description", "website_url", "logo_image_url", "limits_id", "locked"])
        var issues = body.issues
        var edit = OrgEdit()
        if let fields = body.fields {
            edit.name = fields.string("name", issues: &issues)
            edit.email = fields.email("email", issues: &issues)
            edit.description = fields.string("description", issues: &issues)
            edit.websiteURL = fields.string("website_url", issues: &issues)
            edit.logoImageURL = fields.string("logo_image_url", issues: &issues)
            edit.limitsID = fields.nullableString("limits_id", issues: &issues)
            edit.locked = fields.bool("locked", issues: &issues)
        }
        try issues.throwIfAny()
        return answer(try context.tenant.editOrg(context.parameter("org_id"), edit, caller: caller), status: 200, action: "updated", caller: caller)
    }

    /// `DELETE /api/orgs/{org_id}`: an admin of the installation deletes an org that owns nothing.
    static func delete(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let deleted = try context.tenant.deleteOrg(context.parameter("org_id"), caller: caller)
        return .whenDurable(deleted.commit, success: JSONResponse.noContent(), changes: [change(deleted.value, action: "deleted")])
    }

    private static func answer(_ committed: Committed<Org>, status: Int, action: String, caller: User) -> Answer {
        let org = committed.value
        return .whenDurable(
            committed.commit, success: JSONResponse.make(status, WireOrg(org: org, isDefault: org.name == caller.defaultOrg)),
            changes: [change(org, action: action)]
        )
    }

    private static func change(_ org: Org, action: String) -> RecordedChange {
        .of(.org, id: org.id, name: org.name, action: action)
    }

    /// `GET /api/orgs/{org_id}/owners`: who resources in the org can belong to, as `org/identity` (the seed defines no
    /// groups: `identity_type=group` finds none). Without `all_users`, a member sees itself and an admin every member;
    /// with `details`, each owner with its org and user whole (`OwnerDetailed`).
    static func owners(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        let identityType = reader.oneOf("identity_type", ["user", "group"])
        let allUsers = reader.bool("all_users")
        _ = reader.bool("all_groups")
        let details = reader.bool("details")
        let name = reader.value("name")
        let view = context.tenant.view()
        let org = try view.org(context.parameter("org_id"), caller: caller)
        let members = identityType == "group" ? [] : view.owners(of: org, allUsers: allUsers, caller: caller).filter { membership in
            name.map { membership.user.username.contains($0) } ?? true
        }
        let page = KeyedPage(members, key: { "\($0.org.name)/\($0.user.username)" }, reader: &reader)
        try reader.finish()
        let directory = view.directory
        if details {
            return page.answer("owners") { WireOwnerUserDetailed(membership: $0, directory: directory) }
        }
        return page.answer("owners") { WireOwner(owner: OwnerPath(org: $0.org.name, identity: $0.user.username), directory: directory) }
    }

    /// `POST /api/orgs/{org_id}/members`: its admins add a user (by id or username), `org_admin` making it an admin,
    /// `limits_id` holding it to one of the org's limits.
    static func addMember(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let body = try ObjectBody(context, allowed: ["user_id", "org_admin", "limits_id"])
        var issues = body.issues
        let userID = body.fields?.string("user_id", required: true, issues: &issues)
        let admin = body.fields?.bool("org_admin", issues: &issues)
        let limitsID = body.fields?.nullableString("limits_id", issues: &issues)
        guard issues.isEmpty, let userID else { throw DomainError.invalid(issues) }
        let added = try context.tenant.addMember(org: context.parameter("org_id"), user: userID, admin: admin, limitsID: limitsID ?? nil, caller: caller)
        return membershipAnswer(added, status: 201, action: "joined", context: context)
    }

    /// `GET /api/orgs/{org_id}/members/{user_id}`.
    static func member(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let view = context.tenant.view()
        let org = try view.org(context.parameter("org_id"), caller: caller)
        let user = try view.member(context.parameter("user_id"), of: org)
        return .now(JSONResponse.make(200, WireOwnerUserDetailed(membership: OrgMembership(org: org, user: user), directory: view.directory)))
    }

    /// `PATCH /api/orgs/{org_id}/members/{user_id}`: `org_admin` gives or takes the admin role, `limits_id` holds the
    /// member to one of the org's limits (`null`: none).
    static func updateMember(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let body = try ObjectBody(context, allowed: ["org_admin", "limits_id"])
        var issues = body.issues
        let admin = body.fields?.bool("org_admin", issues: &issues)
        let limitsID = body.fields?.nullableString("limits_id", issues: &issues)
        try issues.throwIfAny()
        let updated = try context.tenant.updateMember(
            org: context.parameter("org_id"), user: context.parameter("user_id"), admin: admin, limitsID: limitsID ?? nil, caller: caller
        )
        return membershipAnswer(updated, status: 200, action: "updated", context: context)
    }

    /// `DELETE /api/orgs/{org_id}/members/{user_id}`: a member leaves, or its admins remove it.
    static func removeMember(_ context: RequestContext) throws -> Answer {
        let removed = try context.tenant.removeMember(org: context.parameter("org_id"), user: context.parameter("user_id"), caller: context.caller())
        return .whenDurable(removed.commit, success: JSONResponse.noContent(), changes: [membershipChange(removed.value, action: "left")])
    }

    private static func membershipAnswer(_ committed: Committed<OrgMembership>, status: Int, action: String, context: RequestContext) -> Answer {
        .whenDurable(
            committed.commit, success: JSONResponse.make(status, WireOwnerUserDetailed(membership: committed.value, directory: context.tenant.directory)),
            changes: [membershipChange(committed.value, action: action)]
        )
    }

    private static func membershipChange(_ membership: OrgMembership, action: String) -> RecordedChange {
        .of(.user, id: membership.user.id, owner: membership.org.name, name: membership.user.username, action: action)
    }

    /// `POST /api/orgs/{org_id}/invitations?send_email=`: its admins invite an email address. saturn-client writes
    /// the query after two `?`, so `?send_email` is read as `send_email`.
    static func invite(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        let sendEmail = reader.bool(reader.value("?send_email") == nil ? "send_email" : "?send_email", default: true)
        try reader.finish()
        let body = try ObjectBody(context, allowed: ["email", "invitee_name", "invitor_name"])
        var issues = body.issues
        let email = body.fields?.email("email", required: true, issues: &issues)
        let inviteeName = body.fields?.string("invitee_name", issues: &issues)
        let invitorName = body.fields?.string("invitor_name", issues: &issues)
        guard issues.isEmpty, let email else { throw DomainError.invalid(issues) }
        let invited = try context.tenant.invite(
            org: context.parameter("org_id"), email: email, inviteeName: inviteeName, invitorName: invitorName, sendEmail: sendEmail, caller: caller
        )
        let invitation = invited.value
        return .whenDurable(
            invited.commit, success: JSONResponse.make(201, WireInvitation(invitation: invitation, directory: context.tenant.directory)),
            changes: [.of(.invitation, id: invitation.id, owner: context.tenant.directory.org(id: invitation.orgID)?.name ?? "", name: invitation.email, action: "created")]
        )
    }

    /// `GET /api/orgs/{org_id}/invitations`: its admins see them, filtered by `status`, `email` and `invitor_id`.
    static func invitations(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        let status = reader.oneOf("status", ["pending", "approved", "rejected"])
        let email = reader.value("email")
        let invitorID = reader.value("invitor_id")
        let view = context.tenant.view()
        let org = try view.org(context.parameter("org_id"), caller: caller)
        let shown = try view.invitations(of: org, caller: caller).filter { invitation in
            (status.map { $0 == "pending" } ?? true) && (email.map { invitation.email == $0 } ?? true)
                && (invitorID.map { invitation.invitorID == $0 } ?? true)
        }
        // Oldest first: a time in its sortable form, then the id, which only breaks ties.
        let page = KeyedPage(shown, key: { "\(UTCTimestamp.format($0.createdAt)) \($0.id)" }, reader: &reader)
        try reader.finish()
        return page.answer("invitations") { WireInvitation(invitation: $0, directory: view.directory) }
    }

    /// `GET /api/orgs/{org_id}/usage/daily?start=&end=`: what the org's resources ran, by day; its admins see it.
    static func usage(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        return try usageAnswer(context) { view, start, end in try view.usage(org: context.parameter("org_id"), caller: caller, from: start, to: end) }
    }

    /// `GET /api/orgs/{org_id}/members/{user_id}/usage/daily?start=&end=`: one member's; it and the org's admins see it.
    static func memberUsage(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        return try usageAnswer(context) { view, start, end in
            try view.usage(org: context.parameter("org_id"), member: context.parameter("user_id"), caller: caller, from: start, to: end)
        }
    }

    /// The longest span one usage request covers: a year, and a day for a leap year.
    private static let longestUsageSpan: TimeInterval = 366 * 86_400

    /// Usage from `start` (default: 30 days before `end`) to `end` (default: now), over a year at most.
    private static func usageAnswer(_ context: RequestContext, usage: (TenantView, Date, Date) throws -> [DailyUsage]) throws -> Answer {
        let view = context.tenant.view()
        var reader = QueryReader(context.request)
        let end = reader.time("end") ?? view.now
        let start = reader.time("start") ?? end.addingTimeInterval(-30 * 86_400)
        if start > end { reader.issues.add("start", "must not be after end") }
        if end.timeIntervalSince(start) > longestUsageSpan { reader.issues.add("start", "is more than 366 days before end; ask for a year at a time") }
        try reader.finish()
        return .now(JSONResponse.make(200, WireUsageList(usage: try usage(view, start, end).map(WireDailyUsage.init))))
    }

    /// `GET /api/billing/info?org_id=`: the org's subscription. The mock bills no one: an empty 204, which
    /// saturn-client's `get_org_subscription` reads as none. Not in Saturn's published spec.
    static func billingInfo(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        let orgID = reader.value("org_id")
        if orgID == nil { reader.issues.add("org_id", "is required") }
        try reader.finish()
        _ = try context.tenant.view().org(orgID ?? "", caller: caller)
        return .now(JSONResponse.noContent())
    }
}
