/// Which recipes a caller may see in a listing (README "Where imports land, and who sees them").
struct RecipeScope {
    /// The org in scope: the one the owner selector names, else the caller's default org.
    let org: Org
    /// The identity the owner selector names, if any.
    let identity: String?
    /// True when an owner selector was given; it then filters, and account-wide images of other orgs stay out.
    let selected: Bool
    let caller: User

    init(owner: OwnerReference?, caller: User, directory: IdentityDirectory) throws(DomainError) {
        self.caller = caller
        if let owner {
            let resolved = try directory.resolve(owner, for: caller, path: "owner")
            org = resolved.org
            identity = resolved.identity
            selected = true
        } else {
            guard let defaultOrg = directory.org(named: caller.defaultOrg) else {
                throw .notOrgMember(username: caller.username, org: caller.defaultOrg)
            }
            org = defaultOrg
            identity = nil
            selected = false
        }
    }

    func includes(_ recipe: Recipe) -> Bool {
        guard recipe.owner.org == org.name else {
            return !selected && recipe.access == .account
        }
        if let identity, recipe.owner.identity != identity { return false }
        return caller.role(in: org.name) == .admin
            || recipe.owner.identity == caller.username
            || recipe.access != .owner
    }
}
