/// A person who holds tokens and belongs to orgs.
public struct User: Equatable, Sendable {
    /// Stable id, derived from the username.
    public let id: String
    /// Login name, unique in the installation; the identity part of the user's owner paths.
    public let username: String
    /// Email address.
    public let email: String
    /// Full name; the username when the seed gives none.
    public let fullName: String
    /// Role by org name.
    public let memberships: [String: OrgRole]
    /// The org requests land in when they name none.
    public let defaultOrg: String
    /// When the user was created, in Saturn's timestamp form.
    public let createdAt: String

    /// Creates a user.
    public init(id: String, username: String, email: String, fullName: String, memberships: [String: OrgRole], defaultOrg: String, createdAt: String) {
        self.id = id
        self.username = username
        self.email = email
        self.fullName = fullName
        self.memberships = memberships
        self.defaultOrg = defaultOrg
        self.createdAt = createdAt
    }

    /// The user's role in an org, or nil when not a member.
    public func role(in org: String) -> OrgRole? {
        memberships[org]
    }
}
