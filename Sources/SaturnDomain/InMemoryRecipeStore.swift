import Synchronization

/// Keeps nothing: for throwaway runs (`--in-memory`) and tests.
public final class InMemoryRecipeStore: RecipeStore {
    private let lastTicket = Atomic<UInt64>(0)

    /// Creates a store that forgets everything at exit.
    public init() {}
    public var location: String { "memory (nothing is kept)" }
    public var loaded: LoadedRecipes { LoadedRecipes() }
    public func append(_ changed: [Recipe]) throws(StoreError) -> UInt64 { lastTicket.add(1, ordering: .relaxed).newValue }
    public func whenDurable(_ ticket: UInt64, _ callback: @escaping @Sendable (StoreError?) -> Void) { callback(nil) }
    public var durableThrough: UInt64 { lastTicket.load(ordering: .relaxed) }
    public var failedThrough: UInt64 { 0 }
    public func clearFailure() {}
    public func close() {}
}
