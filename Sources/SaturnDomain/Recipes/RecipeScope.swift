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
        return Self.memberSees(recipe, caller)
    }

    /// Whether a caller sees a recipe wherever it is: in its own orgs as a listing there would show it, elsewhere only
    /// when every org may see it. For look-ups by id.
    static func sees(_ recipe: Recipe, _ caller: User) -> Bool {
        caller.role(in: recipe.owner.org) == nil ? recipe.access == .account : memberSees(recipe, caller)
    }

    /// What a member of the recipe's org sees: everything as an admin, else its own and what is not owner-only.
    private static func memberSees(_ recipe: Recipe, _ caller: User) -> Bool {
        caller.role(in: recipe.owner.org) == .admin || recipe.owner.identity == caller.username || recipe.access != .owner
    }
}
