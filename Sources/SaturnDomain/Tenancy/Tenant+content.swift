import SaturnJSON

/// The control plane's commands on a tenant's whole content: reset, named snapshots, restore and the state document.
extension Tenant {
    /// `POST /_mock/reset`: back to the seed, recipes and minted tokens gone, in one transaction at any size.
    public func reset() throws(DomainError) -> Committed<TenantContent> {
        try replaceContent(with: TenantContent())
    }

    /// `PUT /_mock/snapshots/{name}`: the tenant's content saved under the name, durably, replacing one of that name.
    public func saveSnapshot(named snapshot: String) throws(DomainError) -> TenantContent {
        try whileLive { view throws(DomainError) in
            let content = view.content
            do throws(StoreError) { try queue.store.saveSnapshot(content, tenant: name, name: snapshot) } catch {
                throw .storeUnavailable(reason: error.description)
            }
            blobsReleased()
            return content
        }
    }

    /// The content of the named snapshot.
    public func snapshot(named snapshot: String) throws(DomainError) -> TenantContent {
        let found: TenantContent?
        do throws(StoreError) { found = try queue.store.snapshot(tenant: name, name: snapshot) } catch {
            throw .storeUnavailable(reason: error.description)
        }
        guard let found else { throw .snapshotNotFound(tenant: name, name: snapshot) }
        return found
    }

    /// The names of the tenant's snapshots, sorted.
    public var snapshotNames: [String] { queue.store.snapshotNames(tenant: name) }

    /// `DELETE /_mock/snapshots/{name}`.
    public func deleteSnapshot(named snapshot: String) throws(DomainError) {
        try whileLive { _ throws(DomainError) in
            let deleted: Bool
            do throws(StoreError) { deleted = try queue.store.deleteSnapshots(tenant: name, name: snapshot) } catch {
                throw .storeUnavailable(reason: error.description)
            }
            guard deleted else { throw .snapshotNotFound(tenant: name, name: snapshot) }
            blobsReleased()
        }
    }

    /// `POST /_mock/snapshots/{name}/restore`: the content becomes the snapshot's, in one transaction.
    public func restore(snapshot: String) throws(DomainError) -> Committed<TenantContent> {
        try replaceContent(with: self.snapshot(named: snapshot))
    }

    /// `PUT /_mock/state`: a state document (README "Testing with the mock") in place of the content, read as
    /// strictly as the API reads recipes; nothing changes unless all of it is well.
    public func importState(_ document: JSONValue) throws(DomainError) -> Committed<TenantContent> {
        let base = state.withLock { $0.base }
        let content = try StateDocumentReader(base: base, ids: ids, now: clock.now().wholeSeconds).read(document)
        return try replaceContent(with: content)
    }

    private func replaceContent(with content: TenantContent) throws(DomainError) -> Committed<TenantContent> {
        try run { _ in (.content(content), content) }
    }
}
