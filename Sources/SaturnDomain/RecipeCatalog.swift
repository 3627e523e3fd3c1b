import Synchronization

/// The recipes of the installation: applies them as transactions, and answers what a caller may see.
///
/// Writers are serialised; readers take the current state without waiting for a write's fsync.
public final class RecipeCatalog: Sendable {
    private let directory: IdentityDirectory
    private let store: any RecipeStore
    private let strictImageURIs: Bool
    /// Counts changes to the state, so that what was rendered from it can be known to be current.
    private let changes = Atomic<UInt64>(0)
    /// Serialises writers; holds the undo records of writes that are not durable yet.
    private let writer = Mutex<[PendingUndo]>([])
    private let state: Mutex<CatalogState>

    struct CatalogState {
        var byKey: [RecipeKey: ImageRecipe] = [:]
        var ordered = SortedKeys()
        /// Keys by recipe name, for `GET /api/recipes/{type}/{name}`.
        var byName: [String: [RecipeKey]] = [:]
        /// Keys of images every org may see (`access: account`): the only ones a listing takes from other orgs.
        var accountWide = SortedKeys()

        /// Indexes what the store loaded, in its own order (already almost sorted), rather than one by one.
        init(loading loaded: LoadedRecipes) {
            byKey = loaded.byKey
            for key in loaded.order { byName[key.name, default: []].append(key) }
            let sorted = loaded.order.sortedMostlySorted()
            ordered = SortedKeys(sorted: sorted)
            accountWide = SortedKeys(sorted: sorted.filter { byKey[$0]?.access == .account })
        }

        /// Stores a recipe and returns what it replaced.
        @discardableResult
        mutating func put(_ recipe: ImageRecipe) -> ImageRecipe? {
            let previous = byKey.updateValue(recipe, forKey: recipe.key)
            if previous == nil {
                ordered.insert(recipe.key)
                byName[recipe.name, default: []].append(recipe.key)
            }
            let wasAccountWide = previous?.access == .account
            if recipe.access == .account && !wasAccountWide { accountWide.insert(recipe.key) }
            if recipe.access != .account && wasAccountWide { accountWide.remove(recipe.key) }
            return previous
        }

        /// Puts back what a key held before a write: the old recipe, or nothing.
        mutating func restore(_ key: RecipeKey, to previous: ImageRecipe?) {
            if let previous {
                put(previous)
            } else if let removed = byKey.removeValue(forKey: key) {
                ordered.remove(key)
                byName[key.name]?.removeAll { $0 == key }
                if removed.access == .account { accountWide.remove(key) }
            }
        }
    }

    /// What a write replaced, kept until the store says it is durable, so that a failed write can be undone.
    private struct PendingUndo {
        let ticket: UInt64
        let previous: [(key: RecipeKey, recipe: ImageRecipe?)]
    }

    /// Loads what the store holds. `strictImageURIs` refuses, rather than warns about, ECR repositories not named saturn*.
    public init(directory: IdentityDirectory, store: any RecipeStore, strictImageURIs: Bool) {
        self.directory = directory
        self.store = store
        self.strictImageURIs = strictImageURIs
        state = Mutex(CatalogState(loading: store.loaded))
    }

    /// Changes whenever a recipe is written or a failed write undone: a rendering made at one value is current
    /// while the value stays the same.
    public var revision: UInt64 { changes.load(ordering: .acquiring) }

    /// A copy of the state, for tests that compare the indexes with plain filters.
    var stateForTesting: CatalogState { state.withLock { $0 } }

    /// How many recipes are stored.
    public var count: Int { state.withLock { $0.ordered.count } }

    /// Releases the store: call once the server no longer answers requests.
    public func close() {
        store.close()
    }

    /// Applies images as one transaction: all are stored, durably, or none is.
    ///
    /// Validation and permissions fail here, at once. Otherwise the write is queued to the store and readers see
    /// it; the returned `PendingApply` says when it is durable. A write the store fails to make durable is undone,
    /// with every write queued after it, before its callback runs.
    public func apply(_ drafts: [ImageDraft], createOnly: Bool, caller: User) throws(DomainError) -> PendingApply {
        try writer.withLock { pending throws(DomainError) -> PendingApply in
            let durable = store.durableThrough
            pending.removeAll { $0.ticket <= durable }
            var issues = ValidationIssues()
            var warnings: [String] = []
            var applied: [AppliedImage] = []
            var staged: [RecipeKey: ImageRecipe] = [:]
            for draft in drafts {
                let owner = try writableOwner(of: draft, caller: caller)
                for version in draft.versions {
                    guard let objection = ImageURIPolicy.objection(to: version.imageURI) else { continue }
                    if strictImageURIs {
                        issues.add("\(version.path).image_uri", objection)
                    } else {
                        warnings.append("\(version.path).image_uri: \(objection)")
                    }
                }
                let key = RecipeKey(type: ImageRecipe.recipeType, owner: owner, name: draft.name)
                let stored = staged[key] ?? state.withLock { $0.byKey[key] }
                if createOnly, stored != nil {
                    throw .recipeExists(type: key.type, owner: owner.description, name: draft.name)
                }
                let result = ImageMerge.merge(draft, owner: owner, onto: stored, newID: StableID.random)
                staged[key] = result.recipe
                applied.append(result)
            }
            guard issues.isEmpty else { throw .invalid(issues) }
            let outcome = ApplyOutcome(images: applied, warnings: warnings)
            let changed = applied.filter { $0.action != .unchanged }.map(\.recipe)
            guard !changed.isEmpty else { return PendingApply(outcome: outcome, ticket: nil, catalog: self) }
            let ticket: UInt64
            do throws(StoreError) {
                ticket = try store.append(changed)
            } catch {
                throw .storeUnavailable(reason: error.description)
            }
            let previous = state.withLock { current in
                changed.map { recipe in (recipe.key, current.put(recipe)) }
            }
            changes.add(1, ordering: .releasing)
            pending.append(PendingUndo(ticket: ticket, previous: previous))
            return PendingApply(outcome: outcome, ticket: ticket, catalog: self)
        }
    }

    /// Calls back once the ticket is durable, or once it failed and was undone.
    fileprivate func whenDurable(_ ticket: UInt64, _ callback: @escaping @Sendable (DomainError?) -> Void) {
        store.whenDurable(ticket) { [self] error in
            guard let error else { return callback(nil) }
            undoFailedWrites()
            callback(.storeUnavailable(reason: error.description))
        }
    }

    /// Undoes, newest first, every write the store failed to make durable, then lets writes through again.
    private func undoFailedWrites() {
        writer.withLock { pending in
            let durable = store.durableThrough
            let failed = store.failedThrough
            let undone = pending.filter { $0.ticket > durable && $0.ticket <= failed }
            state.withLock { current in
                for write in undone.reversed() {
                    for entry in write.previous.reversed() { current.restore(entry.key, to: entry.recipe) }
                }
            }
            changes.add(1, ordering: .releasing)
            pending.removeAll { $0.ticket <= failed }
            store.clearFailure()
        }
    }

    /// The owner a draft writes to; the caller must be an admin of its org.
    private func writableOwner(of draft: ImageDraft, caller: User) throws(DomainError) -> OwnerPath {
        let resolved = try directory.resolve(draft.owner ?? .path(caller.username), for: caller, path: "\(draft.path).owner")
        guard caller.role(in: resolved.org.name) == .admin else {
            throw .notOrgAdmin(username: caller.username, org: resolved.org.name)
        }
        return OwnerPath(org: resolved.org.name, identity: resolved.identity ?? resolved.org.name)
    }

    /// One page of the recipes the caller may see in the query's scope. Walks the key index from the cursor and
    /// stops once the page is full, so a page costs the same with 100 recipes stored or 100,000.
    public func list(_ query: RecipeListQuery, caller: User) throws(DomainError) -> RecipePage {
        let scope = try RecipeScope(owner: query.owner, caller: caller, directory: directory)
        return state.withLock { current in
            let listing = Listing(state: current, scope: scope, query: query)
            // Walk away from the cursor; `prev_key` walks back and the page is turned round.
            let forward = query.before == nil
            var walk = listing.walk(forward: forward, from: query.after ?? query.before)
            var keys: [RecipeKey] = []
            while keys.count <= query.pageSize, let key = walk.next() { keys.append(key) }
            let more = keys.count > query.pageSize
            keys = Array(keys.prefix(query.pageSize))
            if !forward { keys.reverse() }
            let hasPrevious: Bool
            let hasNext: Bool
            if forward {
                hasNext = more
                hasPrevious = query.after != nil && listing.anyBeyond(keys.first ?? query.after!, forward: false)
            } else {
                hasPrevious = more
                hasNext = listing.anyBeyond(keys.last ?? query.before!, forward: true)
            }
            return RecipePage(
                recipes: keys.compactMap { current.byKey[$0] },
                previousCursor: hasPrevious ? (keys.first ?? query.after)?.cursorToken : nil,
                nextCursor: hasNext ? (keys.last ?? query.before)?.cursorToken : nil
            )
        }
    }

    /// The recipe of this type and name that the caller means: its own first, then its scope org's, else ambiguous.
    public func recipe(type: String, name: String, owner: OwnerReference?, caller: User) throws(DomainError) -> ImageRecipe {
        guard ModernRecipeReader.recipeTypes.contains(type) else { throw .unknownRecipeType(type) }
        let scope = try RecipeScope(owner: owner, caller: caller, directory: directory)
        let candidates = state.withLock { current in
            (current.byName[name] ?? []).filter { $0.type == type }.compactMap { current.byKey[$0] }.filter(scope.includes)
        }.sorted { $0.key < $1.key }
        let preferences: [(ImageRecipe) -> Bool] = [
            { _ in true },
            { $0.owner == OwnerPath(org: scope.org.name, identity: caller.username) },
            { $0.owner.org == scope.org.name },
        ]
        for preference in preferences {
            let chosen = candidates.filter(preference)
            if chosen.count == 1 { return chosen[0] }
        }
        guard candidates.isEmpty else {
            throw .ambiguousRecipe(type: type, name: name, owners: candidates.map(\.owner.description))
        }
        throw .recipeNotFound(type: type, name: name)
    }
}

/// An accepted apply on its way to the disk.
public struct PendingApply: Sendable {
    /// What the apply did; final unless the store fails to make it durable.
    public let outcome: ApplyOutcome
    let ticket: UInt64?
    let catalog: RecipeCatalog

    /// Calls back, on any thread, with nil once the apply is durable, or with the error that undid it.
    public func whenDurable(_ callback: @escaping @Sendable (DomainError?) -> Void) {
        guard let ticket else { return callback(nil) }
        catalog.whenDurable(ticket, callback)
    }
}

extension Array {
    /// The first index whose element satisfies `belongsToSecondPart`, for an array partitioned by it.
    func partitioningIndex(where belongsToSecondPart: (Element) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongsToSecondPart(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
