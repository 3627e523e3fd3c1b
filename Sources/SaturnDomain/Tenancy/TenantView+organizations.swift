/// Orgs, users, memberships and invitations as the caller may see them (README "Orgs, users, folders and limits").
extension TenantView {
    /// The org with this id (or name), if the caller belongs to it or administers the installation.
    public func org(_ idOrName: String, caller: User) throws(DomainError) -> Org {
        guard let org = directory.org(id: idOrName) ?? directory.org(named: idOrName),
              caller.role(in: org.name) != nil || Permission.administersInstallation(caller, in: directory) else {
            throw .orgNotFound(idOrName)
        }
        return org
    }

    /// The caller's orgs; every org when `all` is asked by an installation admin.
    public func orgs(all: Bool, caller: User) throws(DomainError) -> [Org] {
        if all { try Permission.checkInstallationAdmin(caller, in: directory, to: "Listing every org") }
        return directory.orgs.filter { all || caller.role(in: $0.name) != nil }
    }

    /// The user with this id (or username), if the caller sees it.
    public func user(_ idOrName: String, caller: User) throws(DomainError) -> User {
        guard let user = directory.user(id: idOrName) ?? directory.user(named: idOrName), sees(user, caller: caller) else {
            throw .userNotFound(idOrName)
        }
        return user
    }

    /// Users: the members of an org the caller belongs to, or, with no org, every user the caller sees.
    public func users(orgID: String?, caller: User) throws(DomainError) -> [User] {
        if let orgID {
            let org = try org(orgID, caller: caller)
            return directory.users.filter { $0.role(in: org.name) != nil }
        }
        return directory.users.filter { sees($0, caller: caller) }
    }

    /// A user sees itself and the members of its orgs, as an org's owners list shows them; an installation admin
    /// sees everyone.
    private func sees(_ user: User, caller: User) -> Bool {
        user.id == caller.id || Permission.administersInstallation(caller, in: directory)
            || user.memberships.keys.contains { caller.role(in: $0) != nil }
    }

    /// The org's member with this id (or username).
    public func member(_ idOrName: String, of org: Org) throws(DomainError) -> User {
        guard let user = directory.user(id: idOrName) ?? directory.user(named: idOrName), user.role(in: org.name) != nil else {
            throw .userNotFound(idOrName)
        }
        return user
    }

    /// The org's users, each with its role, in username order: Saturn's owners (the seed defines no groups). Without
    /// `allUsers`, a member sees itself, and an admin (of the org or the installation) every member.
    public func owners(of org: Org, allUsers: Bool, caller: User) -> [OrgMembership] {
        let everyone = allUsers || caller.role(in: org.name) == .admin || Permission.administersInstallation(caller, in: directory)
        return directory.users.filter { $0.role(in: org.name) != nil && (everyone || $0.id == caller.id) }
            .sorted { $0.username < $1.username }.map { OrgMembership(org: org, user: $0) }
    }

    /// An org's invitations, oldest first; its admins see them.
    public func invitations(of org: Org, caller: User) throws(DomainError) -> [Invitation] {
        try Permission.checkOrgAdmin(org, caller: caller, in: directory, to: "Seeing invitations")
        return state.entities.all(.invitation).compactMap { entity -> Invitation? in
            guard case let .invitation(invitation) = entity, invitation.orgID == org.id else { return nil }
            return invitation
        }.sorted { $0.createdAt < $1.createdAt }
    }

    /// Whether the org or user of this name was deleted (it left a tombstone).
    func isDeleted(_ family: EntityFamily, _ name: String) -> Bool {
        switch state.entities.identity(family, named: name) {
        case .org(_, nil)?, .user(_, nil)?: return true
        default: return false
        }
    }

    /// Every service account, by name; an installation admin sees them.
    public func serviceAccounts(caller: User) throws(DomainError) -> [ServiceAccount] {
        try Permission.checkInstallationAdmin(caller, in: directory, to: "Seeing service accounts")
        return state.entities.all(.serviceAccount).compactMap { entity -> ServiceAccount? in
            if case let .serviceAccount(account) = entity { return account }
            return nil
        }.sorted { $0.name < $1.name }
    }

    /// What is owned in an org or by a user: recipes and entities, named for a refusal to delete it.
    func holdings(org: String? = nil, identity: String? = nil) -> [String] {
        func matches(_ owner: OwnerPath) -> Bool {
            (org.map { owner.org == $0 } ?? true) && (identity.map { owner.identity == $0 } ?? true)
        }
        let recipes = state.catalog.recipes.map { ($0.type.rawValue, $0.owner, $0.name) }
        let entities = state.entities.sorted.compactMap { entity -> (String, OwnerPath, String)? in
            switch entity {
            case let .sharedFolder(folder): return ("shared folder", folder.owner, folder.name)
            case let .secret(secret): return ("secret", secret.owner, secret.name)
            case let .externalRepo(repo): return ("external repository", repo.owner, repo.remoteURL)
            case let .resourceTemplate(template): return ("resource template", template.owner, template.name)
            default: return nil
            }
        }
        return (recipes + entities).filter { matches($0.1) }.map { "\($0.0) '\($0.1)/\($0.2)'" }
    }
}
