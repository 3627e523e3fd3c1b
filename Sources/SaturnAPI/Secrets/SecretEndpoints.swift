import MicroHTTP
import SaturnDomain

/// `/api/secrets` (README "Secrets, repositories and the references of recipes"): a secret's value goes in and is
/// never answered.
enum SecretEndpoints {
    /// `GET /api/secrets`: the secrets the caller sees, filtered by one owner selector, `name` (a part of it) and
    /// `access`, by owner and name.
    static func list(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        let query = SharedListQuery(&reader)
        let view = context.tenant.view()
        let page = query.page(try view.secrets(ownedBy: query.owner, caller: caller), reader: &reader)
        try reader.finish()
        return page.answer("secrets") { WireSecret(secret: $0, directory: view.directory, caller: caller) }
    }

    /// `POST /api/secrets`: Saturn's `SecretCreate`, the caller in its default org when it names no owner.
    static func create(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let body = try ObjectBody(context, allowed: ["name", "owner", "access", "value"])
        var issues = body.issues
        let name = name(body.fields, required: true, issues: &issues)
        let owner = body.fields.flatMap { ModernRecipeReader.ownerReference($0.values["owner"], path: "owner", issues: &issues) }
        let access = body.fields?.choice("access", as: AccessLevel.self, issues: &issues)
        let value = body.fields?.string("value", required: true, maxLength: FieldLimits.secretValue, issues: &issues)
        guard issues.isEmpty, let name, let value else { throw DomainError.invalid(issues) }
        let draft = SecretDraft(name: name, owner: owner, access: access ?? .owner, value: value)
        return .written(try context.tenant.createSecret(draft, caller: caller), status: 201, action: "created") { wire($0, caller, context) }
    }

    /// `GET /api/secrets/{secret_id}`.
    static func get(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let view = context.tenant.view()
        let secret = try view.secret(context.parameter("secret_id"), caller: caller)
        return .now(JSONResponse.make(200, WireSecret(secret: secret, directory: view.directory, caller: caller)))
    }

    /// `PATCH /api/secrets/{secret_id}`: Saturn's `SecretUpdate`, a new `name`, `access` or `value`.
    static func update(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let body = try ObjectBody(context, allowed: ["name", "access", "value"])
        var issues = body.issues
        var edit = SecretEdit()
        edit.name = name(body.fields, required: false, issues: &issues)
        edit.access = body.fields?.choice("access", as: AccessLevel.self, issues: &issues)
        edit.value = body.fields?.string("value", maxLength: FieldLimits.secretValue, issues: &issues)
        try issues.throwIfAny()
        let edited = try context.tenant.editSecret(context.parameter("secret_id"), edit, caller: caller)
        return .written(edited, status: 200, action: "updated") { wire($0, caller, context) }
    }

    /// `DELETE /api/secrets/{secret_id}`.
    static func delete(_ context: RequestContext) throws -> Answer {
        .deleted(try context.tenant.deleteSecret(context.parameter("secret_id"), caller: context.caller()))
    }

    /// A secret's `name`, which follows `Secret.nameRule`.
    private static func name(_ fields: JSONFields?, required: Bool, issues: inout ValidationIssues) -> String? {
        guard let name = fields?.string("name", required: required, maxLength: FieldLimits.name, issues: &issues) else { return nil }
        guard Secret.isValidName(name) else {
            issues.add("name", "'\(name)' breaks the secret-name rule: \(Secret.nameRule)")
            return nil
        }
        return name
    }

    private static func wire(_ secret: Secret, _ caller: User, _ context: RequestContext) -> WireSecret {
        WireSecret(secret: secret, directory: context.tenant.directory, caller: caller)
    }
}
