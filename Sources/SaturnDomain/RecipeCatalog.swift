import Synchronization

/// The recipes of the installation, of every type: applies them as transactions, and answers what a caller may see.
///
/// Writers are serialised; readers take the current state without waiting for a write's fsync. Its concerns live in
/// `RecipeCatalog+apply` (writes), `+undo` (failed writes), `+listing` (pages) and `+lookup` (one by name).
public final class RecipeCatalog: Sendable {
    let directory: IdentityDirectory
    let store: any RecipeStore
    let strictImageURIs: Bool
    /// Counts changes to the state, so that what was rendered from it can be known to be current.
    let changes = Atomic<UInt64>(0)
    /// Serialises writers; holds the undo records of writes that are not durable yet.
    let writer = Mutex<[PendingUndo]>([])
    let state: Mutex<CatalogState>

    /// Loads what the store holds. `strictImageURIs` refuses, rather than warns about, image URIs that Saturn could
    /// not pull (README "Image references").
    public init(directory: IdentityDirectory, store: any RecipeStore, strictImageURIs: Bool) {
        self.directory = directory
        self.store = store
        self.strictImageURIs = strictImageURIs
        state = Mutex(CatalogState(loading: store.loaded))
    }

    /// Changes whenever a recipe is written or a failed write undone: a rendering made at one value is current
    /// while the value stays the same.
    public var revision: UInt64 { changes.load(ordering: .acquiring) }

    /// How many recipes are stored.
    public var count: Int { state.withLock { $0.ordered.count } }

    /// Releases the store: call once the server no longer answers requests.
    public func close() {
        store.close()
    }
}
