/// Shared folders, usage limits and resource templates as the caller may see them.
extension TenantView {
    /// The shared folders the caller sees, by owner and name: its own, those shared with its orgs (`access: org`),
    /// and every one of an org it administers; only those of one owner when `owner` selects one.
    public func sharedFolders(ownedBy owner: OwnerReference? = nil, caller: User) throws(DomainError) -> [SharedFolder] {
        try shared(SharedFolder.self, ownedBy: owner, caller: caller)
    }

    /// The shared folder with this id, if the caller sees it.
    public func sharedFolder(_ id: String, caller: User) throws(DomainError) -> SharedFolder {
        try shared(SharedFolder.self, id: id, caller: caller)
    }

    /// The owner's shared folder of this name, whoever asks.
    func sharedFolder(owner: OwnerPath, named name: String) -> SharedFolder? {
        shared(SharedFolder.self, owner: owner, named: name)
    }

    /// An org's usage limits, by name; its members see them.
    public func usageLimits(orgID: String?, caller: User) throws(DomainError) -> [UsageLimit] {
        var orgs = directory.orgs.filter { caller.role(in: $0.name) != nil }
        if let orgID { orgs = [try org(orgID, caller: caller)] }
        let orgIDs = Set(orgs.map(\.id))
        return state.entities.all(.usageLimit).compactMap { entity -> UsageLimit? in
            guard case let .usageLimit(limit) = entity, orgIDs.contains(limit.orgID) else { return nil }
            return limit
        }.sorted { ($0.orgID, $0.name) < ($1.orgID, $1.name) }
    }

    /// The usage limit with this id, if the caller belongs to its org.
    public func usageLimit(_ id: String, caller: User) throws(DomainError) -> UsageLimit {
        guard case let .usageLimit(limit)? = state.entities[EntityKey(.usageLimit, id)], let org = directory.org(id: limit.orgID),
              caller.role(in: org.name) != nil || Permission.administersInstallation(caller, in: directory) else {
            throw .entityNotFound(family: .usageLimit, id: id)
        }
        return limit
    }

    /// The resource templates the caller sees (its own, its orgs' with `access` org or account, every one of an org
    /// it administers), filtered as `?q=owner:"…" name:"…" access:"…" resource_type:"…"` asks, by name.
    public func resourceTemplates(_ filter: [String: String], caller: User) -> [ResourceTemplate] {
        state.entities.all(.resourceTemplate).compactMap { entity -> ResourceTemplate? in
            guard case let .resourceTemplate(template) = entity, sees(template, caller: caller) else { return nil }
            let matches = (filter["owner"].map { template.owner.description == $0 || template.owner.identity == $0 } ?? true)
                && (filter["name"].map { template.name.contains($0) } ?? true)
                && (filter["access"].map { template.access.rawValue == $0 } ?? true)
                && (filter["resource_type"].map { template.resourceType == $0 } ?? true)
            return matches ? template : nil
        }.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// The resource template with this id, if the caller sees it.
    public func resourceTemplate(_ id: String, caller: User) throws(DomainError) -> ResourceTemplate {
        guard case let .resourceTemplate(template)? = state.entities[EntityKey(.resourceTemplate, id)], sees(template, caller: caller) else {
            throw .entityNotFound(family: .resourceTemplate, id: id)
        }
        return template
    }

    private func sees(_ template: ResourceTemplate, caller: User) -> Bool {
        let role = caller.role(in: template.owner.org)
        return template.owner.identity == caller.username || role == .admin || template.access == .account || (role != nil && template.access == .org)
    }
}
