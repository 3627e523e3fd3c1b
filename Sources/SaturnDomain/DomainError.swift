/// What can go wrong in the domain, by identifier; the API maps each case to a status and a Saturn-shaped body.
public enum DomainError: Error, Equatable, Sendable {
    /// The token belongs to nobody.
    case unknownToken
    /// The token existed but its `expires_at` has passed.
    case expiredToken
    /// The caller is not a member of the org the request is about.
    case notOrgMember(username: String, org: String)
    /// The caller is a member of the org but the action needs an admin.
    case notOrgAdmin(username: String, org: String)
    /// The path names a recipe type the API does not know.
    case unknownRecipeType(String)
    /// No visible recipe has this type and name.
    case recipeNotFound(type: String, name: String)
    /// Several visible recipes share the name; the caller must say which owner.
    case ambiguousRecipe(type: String, name: String, owners: [String])
    /// A create-only request named a recipe that exists.
    case recipeExists(type: String, owner: String, name: String)
    /// The body or query broke one or more rules.
    case invalid(ValidationIssues)
    /// The store could not write; nothing was changed.
    case storeUnavailable(reason: String)
}
