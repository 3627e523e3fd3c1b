import FoundationEssentials

/// A token minted by the control plane, with the user and the membership it may create.
public struct MintedToken: Sendable, Equatable {
    public let username: String
    public let org: String
    public let role: OrgRole
    public let token: String
    public let refreshToken: String
    public let expiresAt: Date?

    /// Creates a minted token.
    public init(username: String, org: String, role: OrgRole, token: String, refreshToken: String, expiresAt: Date?) {
        self.username = username
        self.org = org
        self.role = role
        self.token = token
        self.refreshToken = refreshToken
        self.expiresAt = expiresAt
    }
}
