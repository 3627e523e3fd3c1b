/// Who may write what (README "Who sees and changes what"): an org admin writes anything owned in its org; a member
/// writes its own workspaces, jobs, deployments, shared folders and resource templates. Images need an admin, as the
/// document says of imports.
public enum Permission {
    /// Refuses a caller who is not an admin of the primary org: the mock's installation administrator, who makes
    /// and deletes orgs and users and sees every one (Saturn's spec names no such role; the mock chooses this one);
    /// `action` says what it tried.
    static func checkInstallationAdmin(_ caller: User, in directory: IdentityDirectory, to action: String) throws(DomainError) {
        guard administersInstallation(caller, in: directory) else {
            throw .notInstallationAdmin(username: caller.username, primaryOrg: directory.primaryOrg.name, action: action)
        }
    }

    /// Whether the caller administers the installation.
    static func administersInstallation(_ caller: User, in directory: IdentityDirectory) -> Bool {
        directory.administersInstallation(caller)
    }

    /// Refuses a caller who is not an admin of `org` (nor the installation's); `action` says what it tried.
    static func checkOrgAdmin(_ org: Org, caller: User, in directory: IdentityDirectory, to action: String) throws(DomainError) {
        guard caller.role(in: org.name) == .admin || administersInstallation(caller, in: directory) else {
            throw refusal(caller, org: org.name, action: action)
        }
    }

    /// Refuses a write of a recipe of `type` owned by `owner` that `caller` may not make.
    static func checkWrite(_ type: RecipeType, ownedBy owner: OwnerPath, caller: User) throws(DomainError) {
        guard type == .image ? caller.role(in: owner.org) == .admin : mayChange(owner, caller: caller) else {
            throw .notOrgAdmin(username: caller.username, org: owner.org, action: "Writing images, or another identity's workspaces, jobs and deployments,")
        }
    }

    /// Refuses a change to something of `owner` by anyone but that identity and the org's admins; `action` says
    /// what it tried.
    static func checkOwnerOrOrgAdmin(_ owner: OwnerPath, caller: User, action: String) throws(DomainError) {
        guard mayChange(owner, caller: caller) else { throw refusal(caller, org: owner.org, action: action) }
    }

    /// Whether `caller` may change what `owner` owns: it is that identity, or an admin of its org (Saturn's
    /// `editable`).
    public static func mayChange(_ owner: OwnerPath, caller: User) -> Bool {
        owner.identity == caller.username || caller.role(in: owner.org) == .admin
    }

    /// What a caller who is no admin of `org` is told: that it needs an admin, or, to one outside the org, that.
    private static func refusal(_ caller: User, org: String, action: String) -> DomainError {
        caller.role(in: org) == nil ? .notOrgMember(username: caller.username, org: org) : .notOrgAdmin(username: caller.username, org: org, action: action)
    }
}
