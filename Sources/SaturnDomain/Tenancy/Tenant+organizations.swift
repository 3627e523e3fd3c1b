import FoundationEssentials

/// Orgs, their members and invitations, users' preferences, users and service accounts: the installation's
/// administration (README "Orgs, users, folders and limits"). An admin of the primary org administers the
/// installation; an org's admins administer the org.
extension Tenant {
    /// `POST /api/orgs`: a new org; its creator becomes its admin. Names follow the owner-name rule and are unique
    /// among orgs and users, since both name owners.
    public func createOrg(_ draft: OrgDraft, caller: User) throws(DomainError) -> Committed<Org> {
        try run { view throws(DomainError) in
            try Permission.checkInstallationAdmin(caller, in: view.directory, to: "Making an org")
            try Self.checkFreeOwnerName(draft.name, in: view)
            let org = Org(
                id: StableID.make(kind: "org", name: draft.name), name: draft.name, isPrimary: false, createdAt: SaturnTime.format(view.now),
                email: draft.email, description: draft.description ?? "", websiteURL: draft.websiteURL, logoImageURL: draft.logoImageURL ?? ""
            )
            let creator = view.directory.user(id: caller.id).map { $0.adding(org: org.name, role: .admin) } ?? caller
            return (.entities(put: [.org(id: org.id, org), .user(id: creator.id, creator)], removing: []), org)
        }
    }

    /// `PATCH /api/orgs/{org_id}`: its admins change it; its lock and its limit (one of its own limits, or none) are
    /// the installation admin's, as the spec marks them "Admin only". Its name stays: every owner path names it.
    public func editOrg(_ id: String, _ edit: OrgEdit, caller: User) throws(DomainError) -> Committed<Org> {
        try run { view throws(DomainError) in
            var org = try view.org(id, caller: caller)
            try Permission.checkOrgAdmin(org, caller: caller, in: view.directory, to: "Changing the org")
            if let name = edit.name, name != org.name {
                throw .invalid(at: "name", "the mock does not rename orgs: every recipe, folder and template names its owner by org")
            }
            if edit.locked.map({ $0 != org.locked }) ?? false || edit.limitsID.map({ $0 != org.limitsID }) ?? false {
                try Permission.checkInstallationAdmin(caller, in: view.directory, to: "Locking an org or setting its usage limit")
            }
            if let email = edit.email { org.email = email }
            if let description = edit.description { org.description = description }
            if let websiteURL = edit.websiteURL { org.websiteURL = websiteURL }
            if let logoImageURL = edit.logoImageURL { org.logoImageURL = logoImageURL }
            if let limitsID = edit.limitsID { org.limitsID = try Self.limit(limitsID, ofOneOf: [org], in: view) }
            if let locked = edit.locked { org.locked = locked }
            return (.entities(put: [.org(id: org.id, org)], removing: []), org)
        }
    }

    /// `DELETE /api/orgs/{org_id}`: an org that owns nothing and is no user's only org, not the primary one. Its
    /// memberships, usage limits (and the users held to them) and invitations go with it, and it leaves a tombstone,
    /// so that nothing minted for it comes back.
    public func deleteOrg(_ id: String, caller: User) throws(DomainError) -> Committed<Org> {
        try run { view throws(DomainError) in
            let org = try view.org(id, caller: caller)
            try Permission.checkInstallationAdmin(caller, in: view.directory, to: "Deleting an org")
            guard !org.isPrimary else { throw .invalid(at: "org_id", "'\(org.name)' is the primary org: the installation needs it") }
            let held = view.holdings(org: org.name)
                + view.directory.users.filter { Set($0.memberships.keys) == [org.name] }.map { "user '\($0.username)', whose only org it is" }
            guard held.isEmpty else { throw .stillUsed(what: "Org '\(org.name)'", users: held) }
            let limits = view.state.entities.all(.usageLimit).compactMap { entity -> String? in
                if case let .usageLimit(limit) = entity, limit.orgID == org.id { return limit.id }
                return nil
            }
            let invitations = view.state.entities.all(.invitation).compactMap { entity -> String? in
                if case let .invitation(invitation) = entity, invitation.orgID == org.id { return invitation.id }
                return nil
            }
            let released = view.directory.users.filter { $0.limitsID.map(limits.contains) ?? false }.map { user -> Entity in
                var released = user
                released.limitsID = nil
                return .user(id: user.id, released)
            }
            let removed = limits.map { EntityKey(.usageLimit, $0) } + invitations.map { EntityKey(.invitation, $0) }
            return (.entities(put: released + [.org(id: org.id, nil)], removing: removed), org)
        }
    }

    /// `POST /api/orgs/{org_id}/members`: a user joins the org, as an admin when `admin`, held to `limitsID` (one of
    /// the org's limits) when given; a member already keeps what is not given. Its admins add members.
    public func addMember(org orgID: String, user userID: String, admin: Bool?, limitsID: String??, caller: User) throws(DomainError) -> Committed<OrgMembership> {
        try run { view throws(DomainError) in
            let org = try view.org(orgID, caller: caller)
            try Permission.checkOrgAdmin(org, caller: caller, in: view.directory, to: "Adding members")
            guard let user = view.directory.user(id: userID) ?? view.directory.user(named: userID) else { throw .userNotFound(userID) }
            return try Self.changeMembership(of: user, in: org, admin: admin ?? (user.role(in: org.name) == .admin), limitsID: limitsID, view: view)
        }
    }

    /// `PATCH /api/orgs/{org_id}/members/{user_id}`: a member made an admin of the org or a member only, or held to
    /// another of the org's limits (or none).
    public func updateMember(org orgID: String, user userID: String, admin: Bool?, limitsID: String??, caller: User) throws(DomainError) -> Committed<OrgMembership> {
        try run { view throws(DomainError) in
            let org = try view.org(orgID, caller: caller)
            try Permission.checkOrgAdmin(org, caller: caller, in: view.directory, to: "Changing members")
            let user = try view.member(userID, of: org)
            return try Self.changeMembership(of: user, in: org, admin: admin ?? (user.role(in: org.name) == .admin), limitsID: limitsID, view: view)
        }
    }

    /// The write that makes `user` a member (an admin when `admin`) of `org`, held to `limitsID` when given; the
    /// org keeps an admin.
    private static func changeMembership(of user: User, in org: Org, admin: Bool, limitsID: String??, view: TenantView) throws(DomainError) -> (TenantWrite, OrgMembership) {
        var changed = user
        changed.memberships[org.name] = admin ? .admin : .member
        if let limitsID { changed.limitsID = try limit(limitsID, ofOneOf: [org], in: view) }
        try checkKeepsAnAdmin(org, changing: user, to: changed, in: view)
        return (.entities(put: [.user(id: changed.id, changed)], removing: []), OrgMembership(org: org, user: changed))
    }

    /// `DELETE /api/orgs/{org_id}/members/{user_id}`: a member who owns nothing in the org leaves it; a user's default
    /// org moves to another of its orgs, its only org cannot be left, and the org keeps an admin.
    public func removeMember(org orgID: String, user userID: String, caller: User) throws(DomainError) -> Committed<OrgMembership> {
        try run { view throws(DomainError) in
            let org = try view.org(orgID, caller: caller)
            var user = try view.member(userID, of: org)
            if user.id != caller.id { try Permission.checkOrgAdmin(org, caller: caller, in: view.directory, to: "Removing another member") }
            let held = view.holdings(org: org.name, identity: user.username)
            guard held.isEmpty else { throw .stillUsed(what: "\(user.username)'s membership of \(org.name)", users: held) }
            let membership = OrgMembership(org: org, user: user)
            user.memberships[org.name] = nil
            guard let fallback = user.memberships.keys.sorted().first else {
                throw .invalid(at: "user_id", "\(org.name) is \(user.username)'s only org; a user belongs to one at least")
            }
            if user.defaultOrg == org.name { user.defaultOrg = fallback }
            try Self.checkKeepsAnAdmin(org, changing: membership.user, to: user, in: view)
            return (.entities(put: [.user(id: user.id, user)], removing: []), membership)
        }
    }

    /// Refuses a change of `user` (to `changed`, nil when deleted) that leaves `org` without an admin: nobody could
    /// administer it again (nor the installation, for the primary org).
    static func checkKeepsAnAdmin(_ org: Org, changing user: User, to changed: User?, in view: TenantView) throws(DomainError) {
        guard user.role(in: org.name) == .admin, changed?.role(in: org.name) != .admin else { return }
        guard view.directory.users.contains(where: { $0.id != user.id && $0.role(in: org.name) == .admin }) else {
            throw .lastAdmin(username: user.username, org: org.name)
        }
    }

    /// `POST /api/orgs/{org_id}/invitations`: an invitation its admins send; the mock keeps it and sends nothing. An
    /// address invited already is answered its pending invitation.
    public func invite(org orgID: String, email: String, inviteeName: String?, invitorName: String?, sendEmail: Bool, caller: User) throws(DomainError) -> Committed<Invitation> {
        try run { view throws(DomainError) in
            let org = try view.org(orgID, caller: caller)
            try Permission.checkOrgAdmin(org, caller: caller, in: view.directory, to: "Inviting people")
            if let pending = try view.invitations(of: org, caller: caller).first(where: { $0.email == email }) {
                return (nil, pending)
            }
            let invitation = Invitation(
                id: ids.entityID(.invitation, "\(org.id)/\(email)", unusedIn: view.state.entities), orgID: org.id, email: email, inviteeName: inviteeName,
                invitorName: invitorName, invitorID: caller.id, createdAt: view.now.wholeSeconds, sendEmail: sendEmail
            )
            return (.entities(put: [.invitation(invitation)], removing: []), invitation)
        }
    }

    /// `POST`/`PATCH /api/user/preferences`: the org a user's requests land in when they name none; a user sets its
    /// own (an installation admin anyone's), to an org it belongs to.
    public func setDefaultOrg(user userID: String?, org orgID: String, caller: User) throws(DomainError) -> Committed<User> {
        try run { view throws(DomainError) in
            var user = try view.user(userID ?? caller.id, caller: caller)
            if user.id != caller.id { try Permission.checkInstallationAdmin(caller, in: view.directory, to: "Setting another user's default org") }
            guard let org = view.directory.org(id: orgID) ?? view.directory.org(named: orgID), user.role(in: org.name) != nil else {
                throw .invalid(at: "default_org_id", "'\(orgID)' is not an org \(user.username) belongs to")
            }
            user.defaultOrg = org.name
            return (.entities(put: [.user(id: user.id, user)], removing: []), user)
        }
    }

    /// `POST /api/users`: a user, a member of the primary org (its admin when `admin`), which its requests land in
    /// (Saturn's spec leaves a new user's orgs open; the mock chooses one it can use). It holds no token until one is
    /// minted for it.
    public func createUser(_ draft: UserDraft, caller: User) throws(DomainError) -> Committed<User> {
        try run { view throws(DomainError) in
            try Permission.checkInstallationAdmin(caller, in: view.directory, to: "Making a user")
            try Self.checkFreeOwnerName(draft.username, in: view, path: "username")
            let primary = view.directory.primaryOrg
            let user = User(
                id: StableID.make(kind: "user", name: draft.username), username: draft.username, email: draft.email,
                fullName: draft.fullName ?? draft.username, memberships: [primary.name: draft.admin ? .admin : .member], defaultOrg: primary.name,
                createdAt: SaturnTime.format(view.now), locked: draft.locked, limitsID: try Self.limit(draft.limitsID, ofOneOf: [primary], in: view)
            )
            return (.entities(put: [.user(id: user.id, user)], removing: []), user)
        }
    }

    /// `PATCH /api/users/{user_id}`: a user changes its email and name; an installation admin also locks it and sets
    /// its limit, one of a limit of its orgs (a `locked` or `limits_id` that changes nothing needs no admin:
    /// saturn-client sends `locked: false`). Its username stays: every owner path names it.
    public func editUser(_ id: String, _ edit: UserEdit, caller: User) throws(DomainError) -> Committed<User> {
        try run { view throws(DomainError) in
            var user = try view.user(id, caller: caller)
            if user.id != caller.id { try Permission.checkInstallationAdmin(caller, in: view.directory, to: "Changing another user") }
            if let username = edit.username, username != user.username {
                throw .invalid(at: "username", "the mock does not rename users: every recipe, folder and template names its owner by username")
            }
            if edit.locked.map({ $0 != user.locked }) ?? false || edit.limitsID.map({ $0 != user.limitsID }) ?? false {
                try Permission.checkInstallationAdmin(caller, in: view.directory, to: "Locking a user or setting its usage limit")
            }
            if let email = edit.email { user.email = email }
            if let fullName = edit.fullName { user.fullName = fullName }
            if let locked = edit.locked {
                guard !(locked && user.id == caller.id) else { throw .invalid(at: "locked", "an admin cannot lock itself out") }
                user.locked = locked
            }
            if let limitsID = edit.limitsID {
                user.limitsID = try Self.limit(limitsID, ofOneOf: view.directory.orgs.filter { user.role(in: $0.name) != nil }, in: view)
            }
            return (.entities(put: [.user(id: user.id, user)], removing: []), user)
        }
    }

    /// `DELETE /api/users/{user_id}`: a user who owns nothing, not the caller; it leaves a tombstone, so that its
    /// tokens stop working for good.
    public func deleteUser(_ id: String, caller: User) throws(DomainError) -> Committed<User> {
        try run { view throws(DomainError) in
            let user = try view.user(id, caller: caller)
            try Permission.checkInstallationAdmin(caller, in: view.directory, to: "Deleting a user")
            guard user.id != caller.id else { throw .invalid(at: "user_id", "an admin cannot delete itself") }
            let held = view.holdings(identity: user.username)
            guard held.isEmpty else { throw .stillUsed(what: "User '\(user.username)'", users: held) }
            for org in view.directory.orgs { try Self.checkKeepsAnAdmin(org, changing: user, to: nil, in: view) }
            return (.entities(put: [.user(id: user.id, nil)], removing: []), user)
        }
    }

    /// `POST /api/service_accounts`: a service account of a cloud role, unique by name.
    public func createServiceAccount(name: String, cloudRole: String?, autoAssociate: Bool, caller: User) throws(DomainError) -> Committed<ServiceAccount> {
        try run { view throws(DomainError) in
            guard try !view.serviceAccounts(caller: caller).contains(where: { $0.name == name }) else { throw .nameTaken(what: "service account", name: name) }
            let account = ServiceAccount(
                id: ids.entityID(.serviceAccount, name, unusedIn: view.state.entities), name: name, cloudRole: cloudRole, autoAssociate: autoAssociate,
                createdAt: view.now.wholeSeconds, associations: []
            )
            return (.entities(put: [.serviceAccount(account)], removing: []), account)
        }
    }

    /// `PUT /api/service_accounts/{id}/associate/{identity_type}/{identity_id}`: a user (the seed defines no groups)
    /// is entitled to a service account.
    public func associateServiceAccount(_ id: String, identityType: String, identityID: String, caller: User) throws(DomainError) -> Committed<ServiceAccount> {
        try run { view throws(DomainError) in
            guard var account = try view.serviceAccounts(caller: caller).first(where: { $0.id == id }) else {
                throw .entityNotFound(family: .serviceAccount, id: id)
            }
            guard identityType == "user" || identityType == "group" else {
                throw .invalid(at: "identity_type", "must be 'user' or 'group', not '\(identityType)'")
            }
            guard identityType == "user", let user = view.directory.user(id: identityID) ?? view.directory.user(named: identityID) else {
                throw identityType == "user" ? .userNotFound(identityID) : .invalid(at: "identity_id", "no group '\(identityID)': the seed defines no groups")
            }
            let association = "user/\(user.id)"
            if !account.associations.contains(association) { account.associations = (account.associations + [association]).sorted() }
            return (.entities(put: [.serviceAccount(account)], removing: []), account)
        }
    }

    /// Refuses a name that breaks the owner-name rule, that an org or user has already, or that a deleted one had:
    /// a deleted org or user stays deleted (its tokens were handed out), until the tenant is reset.
    static func checkFreeOwnerName(_ name: String, in view: TenantView, path: String = "name") throws(DomainError) {
        guard OwnerName.isValid(name) else { throw .invalid(at: path, "'\(name)' breaks the owner-name rule: \(OwnerName.rule)") }
        if view.directory.org(named: name) != nil { throw .nameTaken(what: "org", name: name) }
        if view.directory.user(named: name) != nil { throw .nameTaken(what: "user", name: name) }
        if view.isDeleted(.org, name) || view.isDeleted(.user, name) {
            throw .deletedName(name, at: path)
        }
    }

    /// A usage limit's id (nil for none), checked to name a limit of one of `orgs`.
    static func limit(_ id: String?, ofOneOf orgs: [Org], in view: TenantView) throws(DomainError) -> String? {
        guard let id else { return nil }
        guard case let .usageLimit(limit)? = view.state.entities[EntityKey(.usageLimit, id)], orgs.contains(where: { $0.id == limit.orgID }) else {
            let names = orgs.map(\.name).joined(separator: ", ")
            throw .invalid(at: "limits_id", "'\(id)' is not a usage limit of \(names) (GET /api/limits?org_id=ORG lists them)")
        }
        return id
    }
}
