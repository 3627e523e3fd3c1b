import MicroHTTP
import SaturnDomain

/// `/api/users` and `/api/user/preferences` (README "Orgs, users, folders and limits").
enum UserEndpoints {
    /// `GET /api/users`: the users the caller sees (every one, for an admin of the installation), or an org's members
    /// with `org_id` (which saturn-client sends and the spec leaves out), filtered by `username` and `email`, in
    /// username order; `details` shows each whole.
    static func list(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        let orgID = reader.value("org_id")
        let username = reader.value("username")
        let email = reader.value("email")
        let details = reader.bool("details")
        let shown = try context.tenant.view().users(orgID: orgID, caller: caller).filter { user in
            (username.map { user.username.contains($0) } ?? true) && (email.map { user.email == $0 } ?? true)
        }
        let page = KeyedPage(shown, key: \.username, reader: &reader)
        try reader.finish()
        if details {
            let directory = context.tenant.directory
            return page.answer("users") { WireUser(user: $0, directory: directory) }
        }
        return page.answer("users", WireUserSummary.init)
    }

    /// `POST /api/users`: an admin of the installation adds a user to the primary org. The mock sends no email
    /// (`send_reset_email`) and a username is unique already (`prevent_duplicate_emails` is read and kept to itself).
    static func create(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let body = try ObjectBody(context, allowed: [
            "username", "email", "full_name", "admin", "limits_id", "send_reset_email", "locked", "prevent_duplicate_emails",
        ])
        var issues = body.issues
        let username = body.fields?.string("username", required: true, maxLength: FieldLimits.name, issues: &issues)
        if let username, !OwnerName.isValid(username) { issues.add("username", "'\(username)' breaks the owner-name rule: \(OwnerName.rule)") }
        let email = body.fields?.email("email", required: true, issues: &issues)
        let fullName = body.fields?.string("full_name", issues: &issues)
        let admin = body.fields?.bool("admin", issues: &issues)
        let locked = body.fields?.bool("locked", issues: &issues)
        let limitsID = body.fields?.string("limits_id", issues: &issues)
        _ = body.fields?.bool("send_reset_email", issues: &issues)
        _ = body.fields?.bool("prevent_duplicate_emails", issues: &issues)
        guard issues.isEmpty, let username, let email else { throw DomainError.invalid(issues) }
        var draft = UserDraft(username: username, email: email)
        draft.fullName = fullName
        draft.admin = admin ?? false
        draft.locked = locked ?? false
        draft.limitsID = limitsID
        return answer(try context.tenant.createUser(draft, caller: caller), status: 201, action: "created", context: context)
    }

    /// `GET /api/users/{user_id}`: by id or username; `details` shows it whole.
    static func get(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        let details = reader.bool("details")
        try reader.finish()
        let user = try context.tenant.view().user(context.parameter("user_id"), caller: caller)
        return .now(details ? JSONResponse.make(200, WireUser(user: user, directory: context.tenant.directory)) : JSONResponse.make(200, WireUserSummary(user: user)))
    }

    /// `PATCH /api/users/{user_id}`. saturn-client's `update_user` sends `admin: false` and `locked: false` unless
    /// told otherwise: `admin` is read and ignored (an installation admin is an admin of the primary org: `PATCH
    /// /api/orgs/{org_id}/members/{user_id}`), and `locked` needs an installation admin only to change. The username
    /// stays: every owner path names it. `active` and `is_multiple_ssh_keys` keep the values the mock shows.
    static func update(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let body = try ObjectBody(context, allowed: ["username", "full_name", "email", "admin", "locked", "limits_id", "active", "is_multiple_ssh_keys"])
        var issues = body.issues
        var edit = UserEdit()
        if let fields = body.fields {
            edit.username = fields.string("username", issues: &issues)
            edit.email = fields.email("email", issues: &issues)
            edit.fullName = fields.string("full_name", issues: &issues)
            _ = fields.bool("admin", issues: &issues)
            edit.locked = fields.bool("locked", issues: &issues)
            edit.limitsID = fields.nullableString("limits_id", issues: &issues)
            fields.fixedBool("active", is: true, issues: &issues)
            fields.fixedBool("is_multiple_ssh_keys", is: false, issues: &issues)
        }
        try issues.throwIfAny()
        return answer(try context.tenant.editUser(context.parameter("user_id"), edit, caller: caller), status: 200, action: "updated", context: context)
    }

    /// `DELETE /api/users/{user_id}`: an admin of the installation deletes a user who owns nothing.
    static func delete(_ context: RequestContext) throws -> Answer {
        let deleted = try context.tenant.deleteUser(context.parameter("user_id"), caller: context.caller())
        return .whenDurable(deleted.commit, success: JSONResponse.noContent(), changes: [change(deleted.value, action: "deleted")])
    }

    private static func answer(_ committed: Committed<User>, status: Int, action: String, context: RequestContext) -> Answer {
        .whenDurable(committed.commit, success: JSONResponse.make(status, WireUser(user: committed.value, directory: context.tenant.directory)), changes: [change(committed.value, action: action)])
    }

    private static func change(_ user: User, action: String) -> RecordedChange {
        .of(.user, id: user.id, name: user.username, action: action)
    }

    /// `GET /api/user/preferences`: the caller's default org.
    static func preferences(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        return .now(JSONResponse.make(200, WireUserPreferences(user: caller, directory: context.tenant.directory)))
    }

    /// `PATCH /api/user/preferences` (the spec) and `POST` (saturn-client's `set_preferred_org`, which names the
    /// user in `user_id`): the org a user's requests land in when they name none.
    static func setPreferences(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let allowed: Set<String> = context.request.method == "POST" ? ["default_org_id", "user_id"] : ["default_org_id"]
        let body = try ObjectBody(context, allowed: allowed)
        var issues = body.issues
        let orgID = body.fields?.string("default_org_id", required: true, issues: &issues)
        let userID = body.fields?.string("user_id", issues: &issues)
        guard issues.isEmpty, let orgID else { throw DomainError.invalid(issues) }
        let updated = try context.tenant.setDefaultOrg(user: userID, org: orgID, caller: caller)
        return .whenDurable(
            updated.commit, success: JSONResponse.make(200, WireUserPreferences(user: updated.value, directory: context.tenant.directory)),
            changes: [change(updated.value, action: "updated")]
        )
    }
}
