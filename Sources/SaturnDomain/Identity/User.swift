/// A person who holds tokens and belongs to orgs.
public struct User: Equatable, Sendable {
    /// Stable id, derived from the username.
    public let id: String
    /// Login name, unique in the installation; the identity part of the user's owner paths.
    public let username: String
    /// Email address.
    public var email: String
    /// Full name; the username when the seed gives none.
    public var fullName: String
    /// Role by org name.
    public var memberships: [String: OrgRole]
    /// The org requests land in when they name none.
    public var defaultOrg: String
    /// When the user was created, in Saturn's timestamp form.
    public let createdAt: String
    /// A locked user's tokens are refused.
    public var locked: Bool
    /// The user's usage limit (`/api/limits`), if one is set.
    public var limitsID: String?

    /// Creates a user.
    public init(
        id: String, username: String, email: String, fullName: String, memberships: [String: OrgRole], defaultOrg: String, createdAt: String,
        locked: Bool = false, limitsID: String? = nil
    ) {
        self.id = id
        self.username = username
        self.email = email
        self.fullName = fullName
        self.memberships = memberships
        self.defaultOrg = defaultOrg
        self.createdAt = createdAt
        self.locked = locked
        self.limitsID = limitsID
    }

    /// The user's role in an org, or nil when not a member.
    public func role(in org: String) -> OrgRole? {
        memberships[org]
    }
}
