import FoundationEssentials

extension Tenant {
    /// Refuses a token for a user the API deleted, or for a membership the API does not hold for a user it made or
    /// changed: the API's users are its own, and a token only joins them (`IdentityDirectory.replaying`).
    private static func checkMintableOverAPI(username: String, org: String, in view: TenantView) throws(DomainError) {
        if view.isDeleted(.user, username) || view.isDeleted(.org, username) {
            throw .deletedName(username, at: "username")
        }
        if view.state.entities.identity(.user, named: username) != nil, view.directory.user(named: username)?.role(in: org) == nil {
            throw .invalid(at: "org", "'\(username)' is not a member of '\(org)', and its memberships are the API's since it was made or changed there: add it with POST /api/orgs/{org_id}/members")
        }
    }

    /// How long an access token from `POST /api/auth/token` lives.
    public static let refreshedTokenLifetime: TimeInterval = 3_600

    /// `POST /_mock/tokens`: a token for `username` in `org` with `role`, creating the user and the membership when
    /// they are new; it expires `expiresIn` seconds from the tenant's now (never, when nil). A tenant holds at most
    /// `FieldLimits.mintedTokens` minted tokens.
    public func mint(username: String, org: String, role: OrgRole, expiresIn: TimeInterval?) throws(DomainError) -> Committed<MintedToken> {
        try run { view throws(DomainError) in
            try IdentityDirectory.checkMintable(username: username, org: org, role: role, in: view.directory)
            try Self.checkMintableOverAPI(username: username, org: org, in: view)
            guard view.state.minted.count < FieldLimits.mintedTokens else { throw .tokenLimit(FieldLimits.mintedTokens) }
            let pair = ids.tokens(for: username, held: view.directory.tokenCount(of: username))
            let minted = MintedToken(
                username: username, org: org, role: role, token: pair.token, refreshToken: pair.refreshToken,
                expiresAt: expiresIn.map { UTCTimestamp.clamped(view.now.wholeSeconds.addingTimeInterval($0)) }
            )
            return (.token(minted, replacing: nil), minted)
        }
    }

    /// `POST /api/auth/token`: a refresh token traded for a new access token of its user, valid for an hour by the
    /// tenant's clock. The refresh token stays valid, so a test can replay its refresh, and the new token replaces
    /// the one its last refresh gave: refreshing never piles tokens up. The token keeps the org and role of the token
    /// it replaces (or, for a refresh token of the seed's, the user's default org).
    public func refresh(refreshToken: String) throws(DomainError) -> Committed<MintedToken> {
        try run { view throws(DomainError) in
            let user = try view.directory.user(forRefreshToken: refreshToken)
            let earlier = view.state.minted.last { $0.refreshToken == refreshToken }
            let org = earlier?.org ?? user.defaultOrg
            let token = ids.tokens(for: user.username, held: view.directory.tokenCount(of: user.username), replacing: earlier?.token).token
            let minted = MintedToken(
                username: user.username, org: org, role: earlier?.role ?? user.role(in: org) ?? .member, token: token,
                refreshToken: refreshToken, expiresAt: UTCTimestamp.clamped(view.now.wholeSeconds.addingTimeInterval(Self.refreshedTokenLifetime))
            )
            return (.token(minted, replacing: earlier?.token), minted)
        }
    }
}
