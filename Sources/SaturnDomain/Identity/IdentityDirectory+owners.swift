extension IdentityDirectory {
    /// Resolves a reference on behalf of `caller`; a reference without an org means the caller's default org.
    ///
    /// Unknown orgs and identities are validation problems at `path`; an org the caller is not in is `notOrgMember`.
    public func resolve(_ reference: OwnerReference, for caller: User, path: String) throws(DomainError) -> ResolvedOwner {
        let resolved = try locate(reference, defaultOrg: caller.defaultOrg, path: path)
        guard caller.role(in: resolved.org.name) != nil else {
            throw .notOrgMember(username: caller.username, org: resolved.org.name)
        }
        if let identity = resolved.identity, identity != resolved.org.name,
           user(named: identity)?.role(in: resolved.org.name) == nil {
            throw DomainError.invalid(at: path, "no user or group '\(identity)' in org '\(resolved.org.name)'")
        }
        return resolved
    }

    /// The org and identity a reference names, whoever asks; a reference without an org means `defaultOrg`.
    func locate(_ reference: OwnerReference, defaultOrg: String, path: String) throws(DomainError) -> ResolvedOwner {
        switch reference {
        case let .path(text):
            guard let parts = OwnerPath.parts(of: text) else {
                throw DomainError.invalid(at: path, "'\(text)' is not an owner of the form org/identity")
            }
            let orgName = parts.org ?? defaultOrg
            guard let org = org(named: orgName) else { throw DomainError.invalid(at: path, "no org named '\(orgName)'") }
            return ResolvedOwner(org: org, identity: parts.identity)
        case let .id(id):
            if let org = org(id: id) { return ResolvedOwner(org: org, identity: nil) }
            return try resolved(user(id: id), in: defaultOrg, path: path, missing: "no user or org with id '\(id)'")
        case let .userID(id):
            return try resolved(user(id: id), in: defaultOrg, path: path, missing: "no user with id '\(id)'")
        case let .groupID(id):
            throw DomainError.invalid(at: path, "no group with id '\(id)' (the seed defines no groups)")
        case let .orgID(id):
            guard let org = org(id: id) else { throw DomainError.invalid(at: path, "no org with id '\(id)'") }
            return ResolvedOwner(org: org, identity: nil)
        }
    }

    private func resolved(_ user: User?, in orgName: String, path: String, missing: String) throws(DomainError) -> ResolvedOwner {
        guard let user, let org = org(named: orgName) else { throw DomainError.invalid(at: path, missing) }
        return ResolvedOwner(org: org, identity: user.username)
    }

}
