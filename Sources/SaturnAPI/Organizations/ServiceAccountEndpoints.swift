import MicroHTTP
import SaturnDomain

/// `/api/service_accounts`: an admin of the installation's cloud roles, and who is entitled to them.
enum ServiceAccountEndpoints {
    /// `GET /api/service_accounts`, filtered by `name` (a part of it), in name order.
    static func list(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        let name = reader.value("name")
        let accounts = try context.tenant.view().serviceAccounts(caller: caller).filter { account in name.map { account.name.contains($0) } ?? true }
        let page = KeyedPage(accounts, key: \.name, reader: &reader)
        try reader.finish()
        return page.answer("service_accounts", WireServiceAccount.init)
    }

    /// `POST /api/service_accounts`: answered as `{"service_account": {...}}`, which saturn-client's
    /// `create_service_account` reads (the spec shows the account bare; the client wins).
    static func create(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let body = try ObjectBody(context, allowed: ["name", "cloud_role", "auto_associate"])
        var issues = body.issues
        let name = body.fields?.string("name", required: true, maxLength: FieldLimits.name, issues: &issues)
        let cloudRole = body.fields?.string("cloud_role", issues: &issues)
        let autoAssociate = body.fields?.bool("auto_associate", issues: &issues)
        if let name, !OwnerName.isValid(name) { issues.add("name", "'\(name)' breaks the name rule: \(OwnerName.rule)") }
        guard issues.isEmpty, let name else { throw DomainError.invalid(issues) }
        let created = try context.tenant.createServiceAccount(name: name, cloudRole: cloudRole, autoAssociate: autoAssociate ?? false, caller: caller)
        return .whenDurable(
            created.commit, success: JSONResponse.make(201, WireCreatedServiceAccount(account: created.value)),
            changes: [change(created.value, action: "created")]
        )
    }

    /// `GET /api/service_accounts/{service_account_id}`.
    static func get(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let id = context.parameter("service_account_id")
        guard let account = try context.tenant.view().serviceAccounts(caller: caller).first(where: { $0.id == id }) else {
            throw DomainError.entityNotFound(family: .serviceAccount, id: id)
        }
        return .now(JSONResponse.make(200, WireServiceAccount(account: account)))
    }

    /// `PUT /api/service_accounts/{service_account_id}/associate/{identity_type}/{identity_id}`: saturn-client's
    /// `associate_service_account` (not in the spec) entitles a user to the account; answered with the account.
    static func associate(_ context: RequestContext) throws -> Answer {
        let associated = try context.tenant.associateServiceAccount(
            context.parameter("service_account_id"), identityType: context.parameter("identity_type"),
            identityID: context.parameter("identity_id"), caller: context.caller()
        )
        return .whenDurable(
            associated.commit, success: JSONResponse.make(200, WireServiceAccount(account: associated.value)),
            changes: [change(associated.value, action: "associated")]
        )
    }

    private static func change(_ account: ServiceAccount, action: String) -> RecordedChange {
        .of(.serviceAccount, id: account.id, name: account.name, action: action)
    }
}
