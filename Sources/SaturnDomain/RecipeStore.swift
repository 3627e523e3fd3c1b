/// Where the catalog keeps recipes between runs. Writes are two steps so that concurrent writers can share one
/// fsync: `append` queues a transaction in commit order, `whenDurable` calls back once it is on disk.
public protocol RecipeStore: AnyObject, Sendable {
    /// Where the data lives, for the start-up banner.
    var location: String { get }
    /// What was stored when the store opened.
    var loaded: LoadedRecipes { get }

    /// Queues one transaction's changed recipes; returns its ticket. Throws while a failed write is not yet undone.
    func append(_ changed: [Recipe]) throws(StoreError) -> UInt64
    /// Calls back, on any thread, once the ticket's transaction is durable (nil) or has failed (the error).
    func whenDurable(_ ticket: UInt64, _ callback: @escaping @Sendable (StoreError?) -> Void)
    /// Every ticket up to this one is durable.
    var durableThrough: UInt64 { get }
    /// Every ticket up to this one that is not durable has failed and must be undone.
    var failedThrough: UInt64 { get }
    /// Called once the failed transactions are undone: appends are accepted again.
    func clearFailure()
    /// Finishes background work and releases the data folder.
    func close()
}
