import FoundationEssentials

extension IdentityDirectory {
    /// The same orgs and users with the tenant's own tokens instead of the seed's.
    public func withTokens(of record: TenantRecord) -> IdentityDirectory {
        IdentityDirectory(
            orgs: orgs, users: users,
            tokens: record.tokens.map { Token(secret: Array($0.token.utf8), username: $0.username, expiresAt: nil) },
            refreshTokens: record.tokens.map { Token(secret: Array($0.refreshToken.utf8), username: $0.username, expiresAt: nil) }
        )
    }

    /// The directory with a minted token, and the user and membership it names when they are new; without the access
    /// token `replacing` (a refresh's earlier one), whose refresh token the new one carries on.
    /// An existing membership with another role is a conflict: a token never changes what a user may do.
    public func minting(_ minted: MintedToken, replacing: String? = nil) throws(DomainError) -> IdentityDirectory {
        try Self.checkMintable(username: minted.username, org: minted.org, role: minted.role, in: self)
        var users = users
        if let index = users.firstIndex(where: { $0.username == minted.username }) {
            users[index] = users[index].adding(org: minted.org, role: minted.role)
        } else {
            users.append(User(
                id: StableID.make(kind: "user", name: minted.username), username: minted.username,
                email: "\(minted.username)@\(minted.org).test", fullName: minted.username,
                memberships: [minted.org: minted.role], defaultOrg: minted.org, createdAt: Seed.defaultCreatedAt
            ))
        }
        return IdentityDirectory(orgs: orgs, users: users, tokens: tokens, refreshTokens: refreshTokens).adding(minted, replacing: replacing)
    }

    /// The directory with a minted token of a user it has, its users as they are.
    func adding(_ minted: MintedToken, replacing: String?) -> IdentityDirectory {
        let token = Token(secret: Array(minted.token.utf8), username: minted.username, expiresAt: minted.expiresAt)
        guard let replacing else {
            let refresh = Token(secret: Array(minted.refreshToken.utf8), username: minted.username, expiresAt: nil)
            return IdentityDirectory(orgs: orgs, users: users, tokens: tokens + [token], refreshTokens: refreshTokens + [refresh])
        }
        let replaced = Array(replacing.utf8)
        return IdentityDirectory(orgs: orgs, users: users, tokens: tokens.filter { $0.secret != replaced } + [token], refreshTokens: refreshTokens)
    }

    /// Refuses a mint that names no known org, a name that breaks the owner-name rule or equals an org's, or a
    /// membership the user holds with another role.
    public static func checkMintable(username: String, org: String, role: OrgRole, in directory: IdentityDirectory) throws(DomainError) {
        var issues = ValidationIssues()
        if !OwnerName.isValid(username) {
            issues.add("username", "'\(username)' breaks the owner-name rule: \(OwnerName.rule)")
        } else if directory.org(named: username) != nil {
            issues.add("username", "'\(username)' is an org's name; owner paths would be ambiguous")
        }
        if directory.org(named: org) == nil {
            issues.add("org", "no org named '\(org)' (orgs: \(directory.orgs.map(\.name).joined(separator: ", ")))")
        }
        try issues.throwIfAny()
        if let held = directory.user(named: username)?.role(in: org), held != role {
            throw .roleConflict(username: username, org: org, held: held.rawValue)
        }
    }

    /// A token of the user that has not expired, if any.
    public func validToken(of username: String, now: Date) -> String? {
        tokens.first { $0.username == username && ($0.expiresAt.map { $0 > now } ?? true) }
            .map { String(decoding: $0.secret, as: UTF8.self) }
    }

    /// How many tokens a user holds.
    public func tokenCount(of username: String) -> Int {
        tokens.count { $0.username == username }
    }

    /// Every access token, for routing a request to the tenant its token belongs to.
    public var tokenSecrets: [String] {
        tokens.map { String(decoding: $0.secret, as: UTF8.self) }
    }
}
