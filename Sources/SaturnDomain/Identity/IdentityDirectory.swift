import FoundationEssentials
import Glibc

/// The installation's orgs, users and tokens, as loaded from the seed; immutable while serving.
public struct IdentityDirectory: Sendable {
    /// An API token and whose it is.
    struct Token: Sendable {
        let secret: [UInt8]
        let username: String
        let expiresAt: Date?
    }

    /// Orgs in seed order.
    public let orgs: [Org]
    /// Users in seed order.
    public let users: [User]
    let tokens: [Token]
    /// Refresh tokens, which `POST /api/auth/token` trades for a new access token.
    let refreshTokens: [Token]

    /// The org flagged `is_primary`.
    public var primaryOrg: Org { orgs.first { $0.isPrimary } ?? orgs[0] }

    /// The org with this name.
    public func org(named name: String) -> Org? { orgs.first { $0.name == name } }
    /// The org with this id.
    public func org(id: String) -> Org? { orgs.first { $0.id == id } }
    /// The user with this username.
    public func user(named name: String) -> User? { users.first { $0.username == name } }
    /// The user with this id.
    public func user(id: String) -> User? { users.first { $0.id == id } }
    /// Whether a user administers the installation: an admin of the primary org.
    public func administersInstallation(_ user: User) -> Bool { user.role(in: primaryOrg.name) == .admin }

    /// The user a token belongs to. Every stored token is compared in constant time, whatever matches.
    public func authenticate(token presented: String, now: Date = Date()) throws(DomainError) -> User {
        let presentedBytes = Array(presented.utf8)
        var match: Token?
        for token in tokens where ConstantTime.equals(token.secret, presentedBytes) {
            match = token
        }
        guard let match, let user = user(named: match.username) else { throw .unknownToken }
        if let expiresAt = match.expiresAt, expiresAt <= now { throw .expiredToken }
        guard !user.locked else { throw .lockedUser(user.username) }
        return user
    }

    /// The user a refresh token belongs to; compared in constant time, like access tokens.
    public func user(forRefreshToken presented: String) throws(DomainError) -> User {
        let presentedBytes = Array(presented.utf8)
        var match: Token?
        for token in refreshTokens where ConstantTime.equals(token.secret, presentedBytes) {
            match = token
        }
        guard let match, let user = user(named: match.username) else { throw .unknownRefreshToken }
        guard !user.locked else { throw .lockedUser(user.username) }
        return user
    }

    /// A token of an admin of the primary org that has not expired, for the start-up banner.
    public func bannerToken(now: Date = Date()) -> String? {
        let admins = Set(users.filter { $0.role(in: primaryOrg.name) == .admin }.map(\.username))
        let token = tokens.first { admins.contains($0.username) && ($0.expiresAt.map { $0 > now } ?? true) }
        return token.map { String(decoding: $0.secret, as: UTF8.self) }
    }
}
