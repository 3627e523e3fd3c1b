/// Shared folders, usage limits and resource templates: a tenant's entities that recipes and members refer to.
extension Tenant {
    /// `POST /api/shared_folders`: a folder of an owner the caller may write for (itself, or any of an org it
    /// administers), unique by name for that owner.
    public func createSharedFolder(_ draft: SharedFolderDraft, caller: User) throws(DomainError) -> Committed<SharedFolder> {
        try run { view throws(DomainError) in
            let owner = try Self.writableOwner(
                draft.owner, caller: caller, in: view.directory, path: "owner_name", action: "Making another identity's shared folders"
            )
            guard view.sharedFolder(owner: owner, named: draft.name) == nil else { throw .nameTaken(what: "shared folder of \(owner)", name: draft.name) }
            let folder = SharedFolder(
                id: ids.entityID(.sharedFolder, "\(owner)/\(draft.name)", unusedIn: view.state.entities), name: draft.name, owner: owner, createdAt: view.now.wholeSeconds,
                access: draft.access, accessMode: draft.accessMode, isExternal: draft.isExternal
            )
            return (.entities(put: [.sharedFolder(folder)], removing: []), folder)
        }
    }

    /// `PATCH /api/shared_folders/{id}`: a new name (unique for its owner) or access, by its owner or an admin of its
    /// org; not one that a recipe would then no longer name.
    public func editSharedFolder(_ id: String, name: String?, access: AccessLevel?, caller: User) throws(DomainError) -> Committed<SharedFolder> {
        let action = "Changing another identity's shared folders"
        return try editShared(SharedFolder.self, id: id, caller: caller, action: action, what: Self.described) { folder, view throws(DomainError) in
            if let name, name != folder.name {
                guard view.sharedFolder(owner: folder.owner, named: name) == nil else { throw .nameTaken(what: "shared folder of \(folder.owner)", name: name) }
                folder.name = name
            }
            if let access { folder.access = access }
        }
    }

    /// `DELETE /api/shared_folders/{id}`: its owner or an admin of its org, when no recipe names it.
    public func deleteSharedFolder(_ id: String, caller: User) throws(DomainError) -> Committed<SharedFolder> {
        try deleteShared(SharedFolder.self, id: id, caller: caller, action: "Changing another identity's shared folders", what: Self.described)
    }

    /// `POST /api/limits`: a usage limit of an org, by its admins, unique by name in it; a default one takes the place
    /// of the org's default before it.
    public func createUsageLimit(org orgID: String, _ draft: UsageLimitDraft, caller: User) throws(DomainError) -> Committed<UsageLimit> {
        try run { view throws(DomainError) in
            let org = try view.org(orgID, caller: caller)
            try Permission.checkOrgAdmin(org, caller: caller, in: view.directory, to: "Changing usage limits")
            guard let name = draft.name else { throw .invalid(at: "name", "is required") }
            try Self.checkSizes(draft, in: view)
            let existing = try view.usageLimits(orgID: org.id, caller: caller)
            guard !existing.contains(where: { $0.name == name }) else { throw .nameTaken(what: "usage limit of \(org.name)", name: name) }
            let limit = UsageLimit(
                id: ids.entityID(.usageLimit, "\(org.id)/\(name)", unusedIn: view.state.entities), orgID: org.id, name: name, isDefault: false, createdAt: view.now.wholeSeconds,
                instanceSizes: nil, resourceTypes: nil, amounts: [:]
            ).applying(draft)
            return (.entities(put: Self.defaulting(limit, among: existing), removing: []), limit)
        }
    }

    /// `PATCH /api/limits/{id}`: the given fields replace the limit's, by its org's admins.
    public func editUsageLimit(_ id: String, _ draft: UsageLimitDraft, caller: User) throws(DomainError) -> Committed<UsageLimit> {
        try run { view throws(DomainError) in
            let stored = try view.usageLimit(id, caller: caller)
            guard let org = view.directory.org(id: stored.orgID) else { throw .entityNotFound(family: .usageLimit, id: id) }
            try Permission.checkOrgAdmin(org, caller: caller, in: view.directory, to: "Changing usage limits")
            let others = try view.usageLimits(orgID: org.id, caller: caller).filter { $0.id != id }
            if let name = draft.name, others.contains(where: { $0.name == name }) { throw .nameTaken(what: "usage limit of \(org.name)", name: name) }
            try Self.checkSizes(draft, in: view)
            let limit = stored.applying(draft)
            return (.entities(put: Self.defaulting(limit, among: others), removing: []), limit)
        }
    }

    /// `DELETE /api/limits/{id}`: a limit no org or user is held to, by its org's admins.
    public func deleteUsageLimit(_ id: String, caller: User) throws(DomainError) -> Committed<UsageLimit> {
        try run { view throws(DomainError) in
            let limit = try view.usageLimit(id, caller: caller)
            guard let org = view.directory.org(id: limit.orgID) else { throw .entityNotFound(family: .usageLimit, id: id) }
            try Permission.checkOrgAdmin(org, caller: caller, in: view.directory, to: "Changing usage limits")
            let holders = view.directory.orgs.filter { $0.limitsID == id }.map { "org '\($0.name)'" }
                + view.directory.users.filter { $0.limitsID == id }.map { "user '\($0.username)'" }
            guard holders.isEmpty else { throw .stillUsed(what: "Usage limit '\(limit.name)'", users: holders) }
            return (.entities(put: [], removing: [EntityKey(.usageLimit, id)]), limit)
        }
    }

    /// Refuses instance sizes the installation does not offer (`GET /api/info/servers`).
    private static func checkSizes(_ draft: UsageLimitDraft, in view: TenantView) throws(DomainError) {
        var issues = ValidationIssues()
        let offered = view.settings.servers.sizes.map(\.name)
        for (index, size) in ((draft.instanceSizes ?? nil) ?? []).enumerated() where !offered.contains(size) {
            issues.add("instance_sizes[\(index)]", "'\(size)' is not a size this installation offers (GET /api/info/servers lists them)")
        }
        try issues.throwIfAny()
    }

    /// The limit, and the org's other limits that stop being its default when it becomes one.
    private static func defaulting(_ limit: UsageLimit, among others: [UsageLimit]) -> [Entity] {
        guard limit.isDefault else { return [.usageLimit(limit)] }
        let undone = others.filter(\.isDefault).map { other -> Entity in
            var undefaulted = other
            undefaulted.isDefault = false
            return .usageLimit(undefaulted)
        }
        return undone + [.usageLimit(limit)]
    }

    /// `POST /api/resource_templates`: a template of the caller in its default org, its recipe a workspace, job or
    /// deployment recipe as `PUT /api/recipes` reads one, kept without owner or state.
    public func createResourceTemplate(_ draft: ResourceTemplateDraft, caller: User) throws(DomainError) -> Committed<ResourceTemplate> {
        try run { view throws(DomainError) in
            var issues = ValidationIssues()
            if draft.name == nil { issues.add("name", "is required") }
            if draft.recipe == nil { issues.add("recipe", "is required") }
            try issues.throwIfAny()
            guard let name = draft.name, let recipe = draft.recipe else { throw .invalid(issues) }
            let owner = OwnerPath(org: caller.defaultOrg, identity: caller.username)
            guard !view.resourceTemplates(["owner": owner.description], caller: caller).contains(where: { $0.name == name }) else {
                throw .nameTaken(what: "resource template of \(owner)", name: name)
            }
            let template = ResourceTemplate(
                id: ids.entityID(.resourceTemplate, "\(owner)/\(name)", unusedIn: view.state.entities), name: name, description: draft.description ?? "",
                owner: owner, access: draft.access ?? .owner, recipe: try ResourceTemplate.templateRecipe(recipe),
                thumbnailImageURL: draft.thumbnailImageURL ?? "", weight: draft.weight ?? 0, inGallery: draft.inGallery ?? false,
                createdAt: view.now.wholeSeconds
            )
            return (.entities(put: [.resourceTemplate(template)], removing: []), template)
        }
    }

    /// `PATCH /api/resource_templates/{id}`: the given fields replace the template's, by its owner or an org admin.
    public func editResourceTemplate(_ id: String, _ draft: ResourceTemplateDraft, caller: User) throws(DomainError) -> Committed<ResourceTemplate> {
        try run { view throws(DomainError) in
            var template = try view.resourceTemplate(id, caller: caller)
            try Permission.checkOwnerOrOrgAdmin(template.owner, caller: caller, action: "Changing another identity's resource templates")
            if let name = draft.name, name != template.name {
                guard !view.resourceTemplates(["owner": template.owner.description], caller: caller).contains(where: { $0.name == name }) else {
                    throw .nameTaken(what: "resource template of \(template.owner)", name: name)
                }
                template.name = name
            }
            if let description = draft.description { template.description = description }
            if let access = draft.access { template.access = access }
            if let recipe = draft.recipe { template.recipe = try ResourceTemplate.templateRecipe(recipe) }
            if let thumbnail = draft.thumbnailImageURL { template.thumbnailImageURL = thumbnail }
            if let weight = draft.weight { template.weight = weight }
            if let inGallery = draft.inGallery { template.inGallery = inGallery }
            return (.entities(put: [.resourceTemplate(template)], removing: []), template)
        }
    }

    /// `DELETE /api/resource_templates/{id}`, by its owner or an org admin.
    public func deleteResourceTemplate(_ id: String, caller: User) throws(DomainError) -> Committed<ResourceTemplate> {
        try run { view throws(DomainError) in
            let template = try view.resourceTemplate(id, caller: caller)
            try Permission.checkOwnerOrOrgAdmin(template.owner, caller: caller, action: "Changing another identity's resource templates")
            return (.entities(put: [], removing: [EntityKey(.resourceTemplate, id)]), template)
        }
    }

    /// A shared folder in a refusal's words.
    private static func described(_ folder: SharedFolder) -> String {
        "Shared folder '\(folder.owner)/\(folder.name)'"
    }

    /// The owner a request names (the caller in its default org when none), which the caller may write for; `action`
    /// says what it tried.
    static func writableOwner(
        _ reference: OwnerReference?, caller: User, in directory: IdentityDirectory, path: String, action: String
    ) throws(DomainError) -> OwnerPath {
        let resolved = try directory.resolve(reference ?? .path(caller.username), for: caller, path: path)
        let owner = OwnerPath(org: resolved.org.name, identity: resolved.identity ?? resolved.org.name)
        try Permission.checkOwnerOrOrgAdmin(owner, caller: caller, action: action)
        return owner
    }
}
