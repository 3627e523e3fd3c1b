import Synchronization

/// Where the catalog keeps recipes between runs. Writes are two steps so that concurrent writers can share one
/// fsync: `append` queues a transaction in commit order, `whenDurable` calls back once it is on disk.
public protocol RecipeStore: AnyObject, Sendable {
    /// Where the data lives, for the start-up banner.
    var location: String { get }
    /// What was stored when the store opened.
    var loaded: LoadedRecipes { get }

    /// Queues one transaction's changed recipes; returns its ticket. Throws while a failed write is not yet undone.
    func append(_ changed: [ImageRecipe]) throws(StoreError) -> UInt64
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

/// What a store holds when it opens: each recipe by key, and the keys in the order they were read (the snapshot's
/// sorted order, then what the journals added), so that indexing them at start needs almost no sorting.
public struct LoadedRecipes: Sendable {
    public private(set) var byKey: [RecipeKey: ImageRecipe] = [:]
    public private(set) var order: [RecipeKey] = []

    /// Nothing loaded yet.
    public init() {}

    /// Adds or replaces a recipe.
    mutating func upsert(_ recipe: ImageRecipe) {
        if byKey.updateValue(recipe, forKey: recipe.key) == nil { order.append(recipe.key) }
    }

    /// What a snapshot holds, in its order.
    init(_ snapshot: SnapshotFile) {
        byKey.reserveCapacity(snapshot.images.count)
        order.reserveCapacity(snapshot.images.count)
        for image in snapshot.images { upsert(image) }
    }

    /// The recipes in key order.
    var sorted: [ImageRecipe] { order.sortedMostlySorted().compactMap { byKey[$0] } }
}

extension Array where Element == RecipeKey {
    /// Sorted, cheaply when most of the array already is: sorts only what follows the longest sorted prefix, then merges.
    func sortedMostlySorted() -> [RecipeKey] {
        var prefixEnd = 1
        while prefixEnd < count, !(self[prefixEnd] < self[prefixEnd - 1]) { prefixEnd += 1 }
        guard prefixEnd < count else { return self }
        let tail = self[prefixEnd...].sorted()
        var merged: [RecipeKey] = []
        merged.reserveCapacity(count)
        var left = 0
        var right = 0
        while left < prefixEnd && right < tail.count {
            if tail[right] < self[left] {
                merged.append(tail[right])
                right += 1
            } else {
                merged.append(self[left])
                left += 1
            }
        }
        merged += self[left..<prefixEnd]
        merged += tail[right...]
        return merged
    }
}

/// Why the store could not open, load or write.
public enum StoreError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A file exists but cannot be used; nothing was changed on disk.
    case unreadable(file: String, reason: String)
    /// A write did not reach the disk; the transaction is not committed.
    case writeFailed(file: String, reason: String)
    /// Another process holds the data folder.
    case locked(folder: String, pid: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason): return "cannot load \(file): \(reason)"
        case let .writeFailed(file, reason): return "cannot write \(file): \(reason)"
        case let .locked(folder, pid):
            return "the data folder \(folder) is in use by another saturn-mock (pid \(pid)); stop it, or give another --data-dir"
        }
    }
}

/// Keeps nothing: for throwaway runs (`--in-memory`) and tests.
public final class InMemoryRecipeStore: RecipeStore {
    private let lastTicket = Atomic<UInt64>(0)

    /// Creates a store that forgets everything at exit.
    public init() {}
    public var location: String { "memory (nothing is kept)" }
    public var loaded: LoadedRecipes { LoadedRecipes() }
    public func append(_ changed: [ImageRecipe]) throws(StoreError) -> UInt64 { lastTicket.add(1, ordering: .relaxed).newValue }
    public func whenDurable(_ ticket: UInt64, _ callback: @escaping @Sendable (StoreError?) -> Void) { callback(nil) }
    public var durableThrough: UInt64 { lastTicket.load(ordering: .relaxed) }
    public var failedThrough: UInt64 { 0 }
    public func clearFailure() {}
    public func close() {}
}
