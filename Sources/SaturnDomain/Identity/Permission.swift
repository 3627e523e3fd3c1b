/// Who may write what (README "Who sees and changes what"): an org admin writes anything owned in its org; a member
/// writes its own workspaces, jobs and deployments. Images need an admin, as the document says of imports.
enum Permission {
    /// Refuses a write of a recipe of `type` owned by `owner` that `caller` may not make.
    static func checkWrite(_ type: RecipeType, ownedBy owner: OwnerPath, caller: User) throws(DomainError) {
        let ownResource = type != .image && owner.identity == caller.username
        guard ownResource || caller.role(in: owner.org) == .admin else {
            throw .notOrgAdmin(username: caller.username, org: owner.org)
        }
    }
}
