extension User {
    /// The user with one more membership (kept as it is when already held).
    func adding(org: String, role: OrgRole) -> User {
        var user = self
        if user.memberships[org] == nil { user.memberships[org] = role }
        return user
    }
}

extension User {
    /// The user with only its memberships of `orgs` (and a default org among them, when it has one).
    func keepingMemberships(of orgs: Set<String>) -> User {
        let kept = memberships.filter { orgs.contains($0.key) }
        guard kept.count != memberships.count else { return self }
        var user = self
        user.memberships = kept
        if kept[defaultOrg] == nil { user.defaultOrg = kept.keys.sorted().first ?? defaultOrg }
        return user
    }
}
