/// Where the tenants are kept between runs. Writes are two steps so that concurrent writers can share one fsync:
/// `append` queues a transaction in commit order, `whenDurable` calls back once it is on disk.
public protocol RecipeStore: AnyObject, Sendable {
    /// Where the data lives, for the start-up banner and the health answer.
    var location: String { get }
    /// What was stored when the store opened, handed over once (later calls get nothing): the store keeps no copy,
    /// so that the catalog's first write does not have to copy every recipe it shares with the store.
    func takeLoaded() -> LoadedState

    /// Queues one transaction; returns its ticket. Throws while a failed write is not yet undone.
    func append(_ transaction: StoreTransaction) throws(StoreError) -> UInt64
    /// Calls back, on any thread, once the ticket's transaction is durable (nil) or has failed (the error).
    func whenDurable(_ ticket: UInt64, _ callback: @escaping @Sendable (StoreError?) -> Void)
    /// Every ticket up to this one is durable.
    var durableThrough: UInt64 { get }
    /// Every ticket up to this one that is not durable has failed and must be undone.
    var failedThrough: UInt64 { get }
    /// Called once the failed transactions are undone: appends are accepted again.
    func clearFailure()

    /// Saves a tenant's content under a name, durably, replacing one of the same name.
    func saveSnapshot(_ content: TenantContent, tenant: String, name: String) throws(StoreError)
    /// A tenant's named snapshot; nil when there is none.
    func snapshot(tenant: String, name: String) throws(StoreError) -> TenantContent?
    /// The names of a tenant's snapshots, sorted.
    func snapshotNames(tenant: String) -> [String]
    /// Deletes one snapshot of a tenant (or, with no name, all of them); false when there was none.
    @discardableResult
    func deleteSnapshots(tenant: String, name: String?) throws(StoreError) -> Bool

    /// The bytes of object storage, kept beside the journal.
    var blobs: any BlobStore { get }

    /// How the store is doing, for `GET /_mock/health`.
    var health: StoreHealth { get }
    /// Finishes background work and releases the data folder.
    func close()
}
