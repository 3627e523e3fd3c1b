/// A way a request names an owner (Saturn's OwnerReference).
public enum OwnerReference: Equatable, Sendable {
    /// `"org/identity"`, `"org/"` or `"identity"` (OwnerByPath, or OwnerByName's `name`).
    case path(String)
    /// The id of a user or an org (OwnerById).
    case id(String)
    /// A user's id (OwnerByIdentityId).
    case userID(String)
    /// A group's id (OwnerByIdentityId).
    case groupID(String)
    /// An org's id (OwnerByIdentityId).
    case orgID(String)
}
