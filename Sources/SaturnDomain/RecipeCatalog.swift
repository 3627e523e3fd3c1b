import Synchronization

/// The recipes of the installation: applies them as transactions, and answers what a caller may see.
///
/// Writers are serialised; readers take the current state without waiting for a write's fsync.
public final class RecipeCatalog: Sendable {
    private let directory: IdentityDirectory
    private let store: any RecipeStore
    private let strictImageURIs: Bool
    private let writer = Mutex<Void>(())
    private let state: Mutex<CatalogState>

    struct CatalogState {
        var byKey: [RecipeKey: ImageRecipe] = [:]
        /// Every key in ascending order, kept sorted on insert.
        var ordered: [RecipeKey] = []

        mutating func put(_ recipe: ImageRecipe) {
            let key = recipe.key
            if byKey.updateValue(recipe, forKey: key) == nil {
                ordered.insert(key, at: ordered.partitioningIndex { $0 >= key })
            }
        }
    }

    /// Loads what the store holds. `strictImageURIs` refuses, rather than warns about, ECR repositories not named saturn*.
    public init(directory: IdentityDirectory, store: any RecipeStore, strictImageURIs: Bool) throws(StoreError) {
        self.directory = directory
        self.store = store
        self.strictImageURIs = strictImageURIs
        var loaded = CatalogState()
        for recipe in try store.loadImages() { loaded.put(recipe) }
        state = Mutex(loaded)
    }

    /// How many recipes are stored.
    public var count: Int { state.withLock { $0.ordered.count } }

    /// Applies images as one transaction: all are stored, durably, or none is.
    public func apply(_ drafts: [ImageDraft], createOnly: Bool, caller: User) throws(DomainError) -> ApplyOutcome {
        try writer.withLock { _ throws(DomainError) -> ApplyOutcome in
            var working = state.withLock { $0 }
            var issues = ValidationIssues()
            var warnings: [String] = []
            var applied: [AppliedImage] = []
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
                if createOnly, working.byKey[key] != nil {
                    throw .recipeExists(type: key.type, owner: owner.description, name: draft.name)
                }
                let result = ImageMerge.merge(draft, owner: owner, onto: working.byKey[key], newID: StableID.random)
                working.put(result.recipe)
                applied.append(result)
            }
            guard issues.isEmpty else { throw .invalid(issues) }
            let changed = applied.filter { $0.action != .unchanged }.map(\.recipe)
            if !changed.isEmpty {
                do throws(StoreError) {
                    try store.commit(changed: changed, state: working.byKey)
                } catch {
                    throw .storeUnavailable(reason: error.description)
                }
                state.withLock { $0 = working }
            }
            return ApplyOutcome(images: applied, warnings: warnings)
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

    /// One page of the recipes the caller may see in the query's scope.
    public func list(_ query: RecipeListQuery, caller: User) throws(DomainError) -> RecipePage {
        let scope = try RecipeScope(owner: query.owner, caller: caller, directory: directory)
        let current = state.withLock { $0 }
        var keys = current.ordered.filter { key in
            (query.type.map { key.type == $0 } ?? true)
                && (query.namePrefix.map { key.name.hasPrefix($0) } ?? true)
                && current.byKey[key].map(scope.includes) == true
        }
        if query.descending { keys.reverse() }
        let precedes: (RecipeKey, RecipeKey) -> Bool = query.descending ? { $0 > $1 } : { $0 < $1 }

        var start = 0
        var end = keys.count
        if let after = query.after {
            start = keys.partitioningIndex { precedes(after, $0) }
            end = min(keys.count, start + query.pageSize)
        } else if let before = query.before {
            end = keys.partitioningIndex { !precedes($0, before) }
            start = max(0, end - query.pageSize)
        } else {
            end = min(keys.count, query.pageSize)
        }
        let page = Array(keys[start..<end])
        let previous = start > 0 ? (page.first ?? query.after)?.cursorToken : nil
        let next = end < keys.count ? (page.last ?? query.before)?.cursorToken : nil
        return RecipePage(recipes: page.compactMap { current.byKey[$0] }, previousCursor: previous, nextCursor: next)
    }

    /// The recipe of this type and name that the caller means: its own first, then its scope org's, else ambiguous.
    public func recipe(type: String, name: String, owner: OwnerReference?, caller: User) throws(DomainError) -> ImageRecipe {
        guard ModernRecipeReader.recipeTypes.contains(type) else { throw .unknownRecipeType(type) }
        let scope = try RecipeScope(owner: owner, caller: caller, directory: directory)
        let candidates = state.withLock { current in
            current.ordered.filter { $0.type == type && $0.name == name }.compactMap { current.byKey[$0] }
        }.filter(scope.includes)
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
