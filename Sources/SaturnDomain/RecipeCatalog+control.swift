import FoundationEssentials

extension RecipeCatalog {
    /// What the tenant holds beyond the seed, to save as a snapshot or export.
    public var content: TenantContent { state.withLock { $0.content } }

    /// Replaces the tenant's recipes and minted identities whole, in one transaction: empty for a reset, a
    /// snapshot's for a restore or an import. Costs the same at any size: the state is swapped, not emptied.
    public func replaceContent(with content: TenantContent) throws(DomainError) -> PendingWrite {
        let replacement = CatalogState(recipes: LoadedRecipes(content.recipes), minted: content.minted, base: baseDirectory)
        return try log.exclusive { writer throws(DomainError) -> PendingWrite in
            let ticket = try writer.commit(StoreTransaction(tenant: tenant, change: .replace(content))) {
                swap(in: replacement)
            }
            return PendingWrite(ticket: ticket, log: log)
        }
    }

    /// Mints a token for `username` in `org` with `role`, creating the user and the membership when they are new;
    /// it expires `expiresIn` seconds from the tenant's now (never, when nil).
    public func mint(username: String, org: String, role: OrgRole, expiresIn: TimeInterval?) throws(DomainError) -> (MintedToken, PendingWrite) {
        try log.exclusive { writer throws(DomainError) -> (MintedToken, PendingWrite) in
            let current = state.withLock { $0 }
            try IdentityDirectory.checkMintable(username: username, org: org, role: role, in: current.directory)
            let pair = ids.tokens(for: username, held: current.directory.tokenCount(of: username))
            let minted = MintedToken(
                username: username, org: org, role: role, token: pair.token, refreshToken: pair.refreshToken,
                expiresAt: expiresIn.map { UTCTimestamp.clamped(clock.now().wholeSeconds.addingTimeInterval($0)) }
            )
            var replacement = current
            replacement.directory = try current.directory.minting(minted)
            replacement.minted.append(minted)
            let ticket = try writer.commit(StoreTransaction(tenant: tenant, change: .mint(minted))) {
                swap(in: replacement)
            }
            return (minted, PendingWrite(ticket: ticket, log: log))
        }
    }

    /// How long an access token from `POST /api/auth/token` lives.
    public static let refreshedTokenLifetime: TimeInterval = 3_600

    /// Trades a refresh token for a new access token (and refresh token) of its user, valid for an hour by the
    /// tenant's clock. The refresh token stays valid (README "Tokens").
    public func refresh(refreshToken: String) throws(DomainError) -> (MintedToken, PendingWrite) {
        let user = try directory.user(forRefreshToken: refreshToken)
        return try mint(
            username: user.username, org: user.defaultOrg, role: user.role(in: user.defaultOrg) ?? .member,
            expiresIn: Self.refreshedTokenLifetime
        )
    }

    /// Puts `replacement` in place of the state; returns how to put the old one back.
    private func swap(in replacement: CatalogState) -> @Sendable () -> Void {
        let previous = state.withLock { current in
            let previous = current
            current = replacement
            return previous
        }
        changes.add(1, ordering: .releasing)
        return { [self] in
            state.withLock { $0 = previous }
            changes.add(1, ordering: .releasing)
        }
    }
}
