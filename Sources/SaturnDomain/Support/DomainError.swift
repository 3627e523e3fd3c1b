/// What can go wrong in the domain, by identifier; the API maps each case to a status and a Saturn-shaped body.
public enum DomainError: Error, Equatable, Sendable {
    /// The token belongs to nobody.
    case unknownToken
    /// The token existed but its `expires_at` has passed.
    case expiredToken
    /// A refresh token no user holds.
    case unknownRefreshToken
    /// The caller is not a member of the org the request is about.
    case notOrgMember(username: String, org: String)
    /// The caller is a member of the org but the action needs an admin.
    case notOrgAdmin(username: String, org: String, action: String)
    /// The path names a recipe type the API does not know.
    case unknownRecipeType(String)
    /// No visible recipe has this type and name.
    case recipeNotFound(type: String, name: String)
    /// Several visible recipes share the name; the caller must say which owner.
    case ambiguousRecipe(type: String, name: String, owners: [String])
    /// No image with this id is visible to the caller.
    case imageNotFound(id: String)
    /// The image has no version (tag) with this id.
    case imageTagNotFound(imageID: String, tagID: String)
    /// The image has a version of this name already.
    case imageTagExists(image: String, version: String)
    /// A create-only request named a recipe that exists.
    case recipeExists(type: String, owner: String, name: String)
    /// The body or query broke one or more rules.
    case invalid(ValidationIssues)
    /// A mint asked for a role the user already holds differently in that org.
    case roleConflict(username: String, org: String, held: String)
    /// No tenant has this name.
    case tenantNotFound(String)
    /// A tenant of this name exists already.
    case tenantExists(String)
    /// `--max-tenants` are serving already.
    case tenantLimit(Int)
    /// The tenant holds as many minted tokens as it may.
    case tokenLimit(Int)
    /// The default tenant is the installation at `/api`; it cannot be deleted.
    case defaultTenantIsPermanent
    /// No named snapshot of the tenant has this name.
    case snapshotNotFound(tenant: String, name: String)
    /// The change would leave the org without an admin.
    case lastAdmin(username: String, org: String)
    /// The tenant holds entities of these families, which a state document does not carry.
    case notPortable(families: [String])
    /// No workspace, job or deployment of this kind and id is visible to the caller.
    case resourceNotFound(kind: String, id: String)
    /// No pod of this name is live or remembered.
    case podNotFound(String)
    /// The resource's status does not allow the call; the message says what would.
    case lifecycleConflict(String)
    /// An image or version that resources run cannot be deleted.
    case imageInUse(image: String, users: [String])
    /// The caller is not an admin of the primary org, who administers the installation (orgs and users).
    case notInstallationAdmin(username: String, primaryOrg: String, action: String)
    /// The user is locked: its tokens are refused.
    case lockedUser(String)
    /// No org with this id (or name) is visible to the caller.
    case orgNotFound(String)
    /// No user with this id (or username) is visible to the caller.
    case userNotFound(String)
    /// No entity of the family with this id is visible to the caller.
    case entityNotFound(family: EntityFamily, id: String)
    /// A name is taken: an org's, a user's, a shared folder's of the same owner.
    case nameTaken(what: String, name: String)
    /// The owner keeps a repository of this remote URL already.
    case repositoryExists(owner: String, url: String, id: String)
    /// Something cannot be deleted while others use it; the message names them.
    case stillUsed(what: String, users: [String])
    /// The store could not write; nothing was changed.
    case storeUnavailable(reason: String)
    /// No file at this path of this owner's object storage.
    case objectNotFound(owner: String, path: String)
    /// No upload in progress has this id (or it expired).
    case uploadNotFound(id: String)
    /// The caller may not read (or write) this owner's object storage.
    case objectStorageForbidden(username: String, owner: String, writing: Bool)
    /// The tenant's object storage would pass `--max-object-bytes`.
    case objectStorageFull(wanted: Int, held: Int, limit: Int)
    /// The tenant holds as many files, or uploads in progress, as it may.
    case objectStorageCount(what: String, limit: Int)
    /// A part of the upload was put again while it was being completed.
    case uploadChanged(id: String)
    /// A part's body is not the size its presigned URL was made for.
    case partSize(expected: Int, received: Int)
}

extension DomainError {
    /// One validation problem at one path.
    public static func invalid(at path: String, _ problem: String) -> DomainError {
        var issues = ValidationIssues()
        issues.add(path, problem)
        return .invalid(issues)
    }

    /// A name a deleted org or user had, given again: deleted stays deleted, since its tokens were handed out.
    static func deletedName(_ name: String, at path: String) -> DomainError {
        .invalid(at: path, "'\(name)' was the name of a deleted org or user; names are not used again in a tenant (POST /_mock/reset starts over)")
    }
}
