extension Tenant {
    /// The one path by which a tenant changes. `decide` reads the tenant as it is, with no other writer running,
    /// and returns the write it decided on (nil: nothing to write) and its result. The write commits only into a
    /// tenant that still exists; it is journaled, applied to the state, and undone if the store fails to make it
    /// durable. The registry hears when identities changed; runs the write leaves waiting for their image are
    /// handed to the puller once the turn is over (`Tenant+pulls`).
    func run<Result: Sendable>(
        _ decide: (TenantView) throws(DomainError) -> (write: TenantWrite?, result: Result)
    ) throws(DomainError) -> Committed<Result> {
        var written: TenantWrite?
        defer { if let written { requestPulls(after: written) } }
        return try queue.takeTurn { turn throws(DomainError) -> Committed<Result> in
            guard isLive.load(ordering: .acquiring) else { throw .tenantNotFound(name) }
            let decided = try decide(view())
            guard let write = decided.write else { return Committed(decided.result, commit: .nothing) }
            let commit = try turn.commit(StoreTransaction(tenant: name, change: write.storeChange)) {
                let undo = state.withLock { $0.apply(write) }
                changed(identities: write.changesIdentities)
                return { [self] in
                    state.withLock { $0.revert(undo) }
                    changed(identities: write.changesIdentities)
                }
            }
            written = write
            return Committed(decided.result, commit: commit)
        }
    }

    private func changed(identities: Bool) {
        revisions.add(1, ordering: .releasing)
        if identities { identitiesChanged(self) }
    }
}

extension Tenant {
    /// Runs `body` with no writer beside it, while the tenant exists: for what changes the store outside the journal
    /// (named snapshots), which must not outlive a deleted tenant.
    func whileLive<Result>(_ body: (TenantView) throws(DomainError) -> Result) throws(DomainError) -> Result {
        try queue.takeTurn { _ throws(DomainError) -> Result in
            guard isLive.load(ordering: .acquiring) else { throw .tenantNotFound(name) }
            return try body(view())
        }
    }
}
