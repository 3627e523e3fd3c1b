/// Where the catalog keeps recipes between runs. One narrow interface, so the write strategy can change.
public protocol RecipeStore: Sendable {
    /// Where the data lives, for the start-up banner.
    var location: String { get }

    /// Every stored image recipe; throws `StoreError.unreadable` rather than guess at damaged data.
    func loadImages() throws(StoreError) -> [ImageRecipe]

    /// Makes one transaction durable before returning: `changed` are the recipes it wrote, `state` all of them after it.
    func commit(changed: [ImageRecipe], state: [RecipeKey: ImageRecipe]) throws(StoreError)
}

/// Why the store could not load or write.
public enum StoreError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A file exists but cannot be used; nothing was changed on disk.
    case unreadable(file: String, reason: String)
    /// A write did not reach the disk; the transaction is not committed.
    case writeFailed(file: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason): return "cannot load \(file): \(reason)"
        case let .writeFailed(file, reason): return "cannot write \(file): \(reason)"
        }
    }
}

/// Keeps nothing: for throwaway runs (`--in-memory`) and tests.
public struct InMemoryRecipeStore: RecipeStore {
    /// Creates a store that forgets everything at exit.
    public init() {}
    public var location: String { "memory (nothing is kept)" }
    public func loadImages() throws(StoreError) -> [ImageRecipe] { [] }
    public func commit(changed: [ImageRecipe], state: [RecipeKey: ImageRecipe]) throws(StoreError) {}
}
