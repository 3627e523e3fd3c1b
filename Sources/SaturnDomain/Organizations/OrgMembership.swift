/// A user's membership of an org, as the org's owners list and `POST /api/orgs/{org_id}/members` show it.
public struct OrgMembership: Sendable, Equatable {
    public let org: Org
    public let user: User

    /// The membership of `user` in `org`.
    public init(org: Org, user: User) {
        self.org = org
        self.user = user
    }
    /// The user's role in the org.
    public var role: OrgRole { user.role(in: org.name) ?? .member }
}
