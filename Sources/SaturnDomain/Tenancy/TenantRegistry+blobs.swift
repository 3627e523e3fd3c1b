extension TenantRegistry {
    /// Removes, soon and off the request path, the blobs of object storage that no tenant and no named snapshot of
    /// one holds any longer: after a file is deleted or replaced, an upload completed or cancelled, a tenant reset,
    /// restored or deleted, a snapshot replaced or deleted; and at start, what a crash left.
    func sweepBlobs() {
        sweeper.request { [weak self] in
            guard let self else { return }
            queue.store.blobs.sweep { blobsInUse() }
        }
    }

    /// Every blob a tenant or a named snapshot of one holds; nil when a snapshot cannot be read, since what it holds
    /// cannot then be told.
    private func blobsInUse() -> Set<String>? {
        var kept = Set<String>()
        for tenant in all {
            kept.formUnion(tenant.view().blobIDs)
            for name in tenant.snapshotNames {
                guard let content = try? tenant.snapshot(named: name) else { return nil }
                kept.formUnion(content.blobIDs)
            }
        }
        return kept
    }
}
