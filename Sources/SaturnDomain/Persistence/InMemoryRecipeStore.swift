import Synchronization

/// Keeps nothing past the process: for throwaway runs (`--in-memory`) and tests. Named snapshots live in memory.
public final class InMemoryRecipeStore: RecipeStore {
    private let lastTicket = Atomic<UInt64>(0)
    private let closed = Atomic<Bool>(false)
    private let snapshots = Mutex<[String: [String: TenantContent]]>([:])

    public let blobs: any BlobStore

    /// Creates a store that forgets everything at exit, its blobs too.
    public init(blobs: any BlobStore = InMemoryBlobStore()) {
        self.blobs = blobs
    }
    public var location: String { "memory (nothing is kept)" }
    public func takeLoaded() -> LoadedState { LoadedState() }
    public func append(_ transaction: StoreTransaction) throws(StoreError) -> UInt64 {
        guard !closed.load(ordering: .relaxed) else { throw .closed }
        if case .delete = transaction.change { snapshots.withLock { $0[transaction.tenant] = nil } }
        return lastTicket.add(1, ordering: .relaxed).newValue
    }
    public func whenDurable(_ ticket: UInt64, _ callback: @escaping @Sendable (StoreError?) -> Void) { callback(nil) }
    public var durableThrough: UInt64 { lastTicket.load(ordering: .relaxed) }
    public var failedThrough: UInt64 { 0 }
    public func clearFailure() {}

    public func saveSnapshot(_ content: TenantContent, tenant: String, name: String) throws(StoreError) {
        snapshots.withLock { $0[tenant, default: [:]][name] = content }
    }
    public func snapshot(tenant: String, name: String) throws(StoreError) -> TenantContent? {
        snapshots.withLock { $0[tenant]?[name] }
    }
    public func snapshotNames(tenant: String) -> [String] {
        snapshots.withLock { ($0[tenant] ?? [:]).keys.sorted() }
    }
    @discardableResult
    public func deleteSnapshots(tenant: String, name: String?) throws(StoreError) -> Bool {
        snapshots.withLock { all in
            guard let name else { return all.removeValue(forKey: tenant) != nil }
            return all[tenant]?.removeValue(forKey: name) != nil
        }
    }

    public var health: StoreHealth {
        StoreHealth(kind: "memory", writable: true, journalBytes: 0, lastSync: nil, snapshotWritten: nil)
    }
    public func close() {
        closed.store(true, ordering: .relaxed)
    }
}
