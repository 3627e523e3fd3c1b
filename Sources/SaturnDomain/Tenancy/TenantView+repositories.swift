/// External repositories as the caller may see them (`TenantView+sharing`).
extension TenantView {
    /// The repositories the caller sees, by owner and name; only those of one owner when `owner` selects one.
    public func externalRepos(ownedBy owner: OwnerReference? = nil, caller: User) throws(DomainError) -> [ExternalRepo] {
        try shared(ExternalRepo.self, ownedBy: owner, caller: caller)
    }

    /// The repository with this id, if the caller sees it.
    public func externalRepo(_ id: String, caller: User) throws(DomainError) -> ExternalRepo {
        try shared(ExternalRepo.self, id: id, caller: caller)
    }

    /// The owner's repository of this remote URL, whoever asks.
    func externalRepo(owner: OwnerPath, url: String) -> ExternalRepo? {
        state.entities.all(ExternalRepo.self).first { $0.owner == owner && $0.remoteURL == url }
    }

    /// The secret an SSH key id names, which the repository's owner must see; nil for none.
    func sshKey(_ id: String?, for owner: OwnerPath) throws(DomainError) -> String? {
        guard let id else { return nil }
        guard let secret = state.entities.one(Secret.self, id: id), sees(secret, asOwner: owner) else {
            throw .invalid(at: "ssh_privatekey_id", "names no secret that \(owner) can see (GET /api/secrets lists them, with their ids)")
        }
        return secret.id
    }
}
