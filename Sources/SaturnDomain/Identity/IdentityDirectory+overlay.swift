extension IdentityDirectory {
    /// The directory with the orgs and users the API made or changed in place of the seed's, and without those it
    /// deleted: a deleted user's tokens stop working, and memberships of a deleted org go with it.
    func overlaying(_ entities: EntityStore) -> IdentityDirectory {
        var orgsByID = Dictionary(uniqueKeysWithValues: orgs.map { ($0.id, Optional($0)) })
        var orgOrder = orgs.map(\.id)
        for case let .org(id, org) in entities.all(.org) {
            if orgsByID[id] == nil { orgOrder.append(id) }
            orgsByID[id] = org
        }
        var usersByID = Dictionary(uniqueKeysWithValues: users.map { ($0.id, Optional($0)) })
        var userOrder = users.map(\.id)
        for case let .user(id, user) in entities.all(.user) {
            if usersByID[id] == nil { userOrder.append(id) }
            usersByID[id] = user
        }
        let keptOrgs = orgOrder.compactMap { orgsByID[$0] ?? nil }
        let orgNames = Set(keptOrgs.map(\.name))
        let keptUsers = userOrder.compactMap { usersByID[$0] ?? nil }.map { $0.keepingMemberships(of: orgNames) }
        let usernames = Set(keptUsers.map(\.username))
        return IdentityDirectory(
            orgs: keptOrgs, users: keptUsers, tokens: tokens.filter { usernames.contains($0.username) },
            refreshTokens: refreshTokens.filter { usernames.contains($0.username) }
        )
    }

    /// The directory with a minted token replayed over the entities: a user the API made, changed or deleted
    /// (`managing` is its entity) keeps what the API left it, and the token only joins it (or goes with it, deleted);
    /// any other user is minted for as when the token was (`minting`). A token that no longer fits is left out.
    func replaying(_ minted: MintedToken, replacing: String? = nil, managing entity: Entity?) -> IdentityDirectory {
        switch entity {
        case nil: return (try? minting(minted, replacing: replacing)) ?? self
        case .user(_, _?)?: return adding(minted, replacing: replacing)
        default: return self
        }
    }
}
