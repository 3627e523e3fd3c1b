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

/// An image as a request gives it, after validation; a nil field was left out and keeps its stored value.
public struct ImageDraft: Equatable, Sendable {
    /// The JSON path of this image in the request, for error messages (`images[1]`, `spec`).
    public var path: String
    public var name: String
    public var owner: OwnerReference?
    public var description: String?
    public var hardwareType: HardwareType?
    public var supports: [String]?
    public var access: ImageAccess?
    public var versions: [VersionDraft]
}

/// A version as a request gives it; nil fields keep their stored value.
public struct VersionDraft: Equatable, Sendable {
    /// The JSON path of this version in the request.
    public var path: String
    public var name: String
    public var imageURI: String
    public var description: String?
    public var archived: Bool?
    public var buildData: [String: String]?
}
