import MicroHTTP
import SaturnDomain

/// `/api/shared_folders` (README "Orgs, users, folders and limits").
enum SharedFolderEndpoints {
    private static let nameRule = "lowercase letters, digits and single inner hyphens"

    /// `GET /api/shared_folders`: the folders the caller sees, filtered by one owner selector (`owner`, `owner_name`,
    /// `owner_id`, `user_id`, `group_id`, `org_id`), `name` (a part of it) and `access`, by owner and name.
    static func list(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        let query = SharedListQuery(&reader)
        let view = context.tenant.view()
        let page = query.page(try view.sharedFolders(ownedBy: query.owner, caller: caller), reader: &reader)
        try reader.finish()
        return page.answer("shared_folders") { WireSharedFolder(folder: $0, directory: view.directory, caller: caller) }
    }

    /// `POST /api/shared_folders`: `owner` (the spec's) or `owner_name` (saturn-client's), the caller in its default
    /// org when neither is given.
    static func create(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let body = try ObjectBody(context, allowed: ["name", "owner", "owner_name", "access", "access_mode", "is_external"])
        var issues = body.issues
        let fields = body.fields
        let name = fields?.string("name", required: true, maxLength: FieldLimits.ownerName, issues: &issues)
        if let name, !OwnerName.isValid(name) { issues.add("name", "'\(name)' breaks the shared-folder name rule: \(nameRule)") }
        if fields?.values["owner"] != nil && fields?.values["owner_name"] != nil { issues.add("owner_name", "give owner or owner_name, not both") }
        let ownerKey = fields?.values["owner"] != nil ? "owner" : "owner_name"
        let owner = fields.flatMap { ModernRecipeReader.ownerReference($0.values[ownerKey], path: ownerKey, issues: &issues) }
        let access = fields?.choice("access", as: AccessLevel.self, issues: &issues)
        let mode = fields?.choice("access_mode", as: SharedFolderAccessMode.self, issues: &issues)
        let isExternal = fields?.bool("is_external", issues: &issues)
        guard issues.isEmpty, let name else { throw DomainError.invalid(issues) }
        let draft = SharedFolderDraft(name: name, owner: owner, access: access ?? .owner, accessMode: mode ?? .readWriteMany, isExternal: isExternal ?? false)
        return .written(try context.tenant.createSharedFolder(draft, caller: caller), status: 201, action: "created") { wire($0, caller, context) }
    }

    /// `GET /api/shared_folders/{shared_folder_id}`.
    static func get(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let view = context.tenant.view()
        let folder = try view.sharedFolder(context.parameter("shared_folder_id"), caller: caller)
        return .now(JSONResponse.make(200, WireSharedFolder(folder: folder, directory: view.directory, caller: caller)))
    }

    /// `PATCH /api/shared_folders/{shared_folder_id}`: a new `name` or `access`.
    static func update(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let body = try ObjectBody(context, allowed: ["name", "access"])
        var issues = body.issues
        let name = body.fields?.string("name", maxLength: FieldLimits.ownerName, issues: &issues)
        if let name, !OwnerName.isValid(name) { issues.add("name", "'\(name)' breaks the shared-folder name rule: \(nameRule)") }
        let access = body.fields?.choice("access", as: AccessLevel.self, issues: &issues)
        try issues.throwIfAny()
        let edited = try context.tenant.editSharedFolder(context.parameter("shared_folder_id"), name: name, access: access, caller: caller)
        return .written(edited, status: 200, action: "updated") { wire($0, caller, context) }
    }

    /// `DELETE /api/shared_folders/{shared_folder_id}`.
    static func delete(_ context: RequestContext) throws -> Answer {
        .deleted(try context.tenant.deleteSharedFolder(context.parameter("shared_folder_id"), caller: context.caller()))
    }

    private static func wire(_ folder: SharedFolder, _ caller: User, _ context: RequestContext) -> WireSharedFolder {
        WireSharedFolder(folder: folder, directory: context.tenant.directory, caller: caller)
    }
}
