extension User {
    /// The user with one more membership (kept as it is when already held).
    func adding(org: String, role: OrgRole) -> User {
        var memberships = memberships
        if memberships[org] == nil { memberships[org] = role }
        return User(id: id, username: username, email: email, fullName: fullName, memberships: memberships,
                    defaultOrg: defaultOrg, createdAt: createdAt)
    }
}

extension User {
    /// The user with only its memberships of `orgs` (and a default org among them, when it has one).
    func keepingMemberships(of orgs: Set<String>) -> User {
        let kept = memberships.filter { orgs.contains($0.key) }
        guard kept.count != memberships.count else { return self }
        let defaultOrg = kept[defaultOrg] != nil ? defaultOrg : (kept.keys.sorted().first ?? defaultOrg)
        return User(id: id, username: username, email: email, fullName: fullName, memberships: kept, defaultOrg: defaultOrg, createdAt: createdAt)
    }
}
