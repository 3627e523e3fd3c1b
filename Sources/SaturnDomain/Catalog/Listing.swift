/// The recipes a listing may show, in its order, read from the indexes rather than by scanning every recipe: for
/// each recipe type, the contiguous run of the scope org's keys (or of one owner's), and, when no owner was selected,
/// the account-wide images of other orgs; merged, then filtered by name prefix and visibility.
struct Listing {
    let catalog: RecipeCatalog
    let scope: RecipeScope
    let query: RecipeListQuery

    /// The recipes in display order (`descending` reverses the key order), strictly after `start` when walking
    /// `forward` in that order, strictly before it otherwise.
    func walk(forward: Bool, from start: RecipeKey?) -> Merged {
        let ascending = forward != query.descending
        var streams: [Stream] = []
        for type in query.type.map({ [$0] }) ?? RecipeType.allCases {
            let low = RecipeKey(type: type, owner: OwnerPath(org: scope.org.name, identity: scope.identity ?? ""), name: "")
            let high = scope.identity.map { RecipeKey(type: type, owner: OwnerPath(org: scope.org.name, identity: $0 + "\u{0}"), name: "") }
                ?? RecipeKey(type: type, owner: OwnerPath(org: scope.org.name + "\u{0}", identity: ""), name: "")
            // Begin at the cursor when it lies inside the run, else at the run's near end.
            let begin: RecipeKey = ascending
                ? Swift.max(start ?? low, low)
                : Swift.min(start ?? high, high)
            streams.append(Stream(walker: catalog.ordered.walk(ascending: ascending, from: begin)) { key in
                ascending ? key < high : key > low
            })
        }
        if !scope.selected {
            streams.append(Stream(walker: catalog.accountWide.walk(ascending: ascending, from: start)) { _ in true })
        }
        return Merged(streams: streams, ascending: ascending) { key, recipe in
            guard key.owner.org == scope.org.name || !scope.selected,
                  query.type.map({ key.type == $0 }) ?? true,
                  query.namePrefix.map({ key.name.hasPrefix($0) }) ?? true,
                  query.nameContains.map({ key.name.contains($0) }) ?? true else { return false }
            return scope.includes(recipe) && matchesSpecFilters(recipe)
        }
    }

    /// The filters on what a spec holds: access for every type, hardware and features for images.
    private func matchesSpecFilters(_ recipe: Recipe) -> Bool {
        guard query.access.map({ recipe.access == $0 }) ?? true else { return false }
        guard query.supports != nil || query.hardwareType != nil else { return true }
        guard case let .image(image) = recipe.spec else { return false }
        return (query.supports.map { image.supports?.contains($0) == true } ?? true)
            && (query.hardwareType.map { image.hardwareType == $0 } ?? true)
    }

    /// Whether any key the listing shows lies beyond `key` in that direction.
    func anyBeyond(_ key: RecipeKey, forward: Bool) -> Bool {
        var walk = self.walk(forward: forward, from: key)
        return walk.next() != nil
    }

    /// A recipe met in a walk, in its box, with its key, built once.
    typealias Keyed = (key: RecipeKey, box: RecipeBox)

    /// One index run: recipes in key order until `inRange` says the run is over.
    struct Stream {
        private var walker: SortedRecipes.Walker
        private let inRange: (RecipeKey) -> Bool
        /// The run's next recipe; nil once the run is over.
        private(set) var head: Keyed?

        init(walker: SortedRecipes.Walker, inRange: @escaping (RecipeKey) -> Bool) {
            self.walker = walker
            self.inRange = inRange
            advance()
        }

        mutating func advance() {
            head = walker.next().map { ($0.recipe.key, $0) }.flatMap { inRange($0.key) ? $0 : nil }
        }
    }

    /// The streams merged in order, keeping only the recipes `shows` accepts. The scope org's runs and the
    /// account-wide index can hold the same key: it is given once.
    struct Merged {
        var streams: [Stream]
        let ascending: Bool
        let shows: (RecipeKey, Recipe) -> Bool
        var last: RecipeKey?

        mutating func next() -> Keyed? {
            while true {
                var best: Int?
                for index in streams.indices where streams[index].head != nil {
                    if let current = best {
                        let key = streams[index].head!.key
                        let bestKey = streams[current].head!.key
                        if ascending ? key < bestKey : key > bestKey { best = index }
                    } else {
                        best = index
                    }
                }
                guard let chosen = best, let found = streams[chosen].head else { return nil }
                streams[chosen].advance()
                if found.key == last { continue }
                last = found.key
                if shows(found.key, found.box.recipe) { return found }
            }
        }
    }
}
