/// Secrets as the caller may see them (`TenantView+sharing`).
extension TenantView {
    /// The secrets the caller sees, by owner and name; only those of one owner when `owner` selects one.
    public func secrets(ownedBy owner: OwnerReference? = nil, caller: User) throws(DomainError) -> [Secret] {
        try shared(Secret.self, ownedBy: owner, caller: caller)
    }

    /// The secret with this id, if the caller sees it.
    public func secret(_ id: String, caller: User) throws(DomainError) -> Secret {
        try shared(Secret.self, id: id, caller: caller)
    }

    /// The owner's secret of this name, whoever asks.
    func secret(owner: OwnerPath, named name: String) -> Secret? {
        shared(Secret.self, owner: owner, named: name)
    }
}
