extension User {
    /// The user with one more membership (kept as it is when already held).
    func adding(org: String, role: OrgRole) -> User {
        var memberships = memberships
        if memberships[org] == nil { memberships[org] = role }
        return User(id: id, username: username, email: email, fullName: fullName, memberships: memberships,
                    defaultOrg: defaultOrg, createdAt: createdAt)
    }
}
