extension Tenant {
    /// The one path by which a tenant changes. `decide` reads the tenant as it is, with no other writer running,
    /// and returns the write it decided on (nil: nothing to write) and its result. The write commits only into a
    /// tenant that still exists; it is journaled, applied to the state, and undone if the store fails to make it
    /// durable. The registry hears when identities changed, and, once the write is durable, when blobs may be unused;
    /// runs the write leaves waiting for their image are handed to the puller once the turn is over (`Tenant+pulls`).
    func run<Result: Sendable>(
        _ decide: (TenantView) throws(DomainError) -> (write: TenantWrite?, result: Result)
    ) throws(DomainError) -> Committed<Result> {
        var written: TenantWrite?
        defer { if let written { requestPulls(after: written) } }
        var releasesBlobs = false
        let committed = try queue.takeTurn { turn throws(DomainError) -> Committed<Result> in
            guard isLive.load(ordering: .acquiring) else { throw .tenantNotFound(name) }
            let decided = try decide(view())
            guard let write = decided.write else { return Committed(decided.result, commit: .nothing) }
            releasesBlobs = write.mayReleaseBlobs
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
        // Outside the turn: a store that is durable at once calls back at once, and the sweep takes a turn.
        if releasesBlobs {
            let released = blobsReleased
            committed.commit.whenDurable { error in if error == nil { released() } }
        }
        return committed
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
