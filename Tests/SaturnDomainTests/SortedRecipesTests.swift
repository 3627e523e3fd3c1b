import Testing
@testable import SaturnDomain

/// A box holding an image recipe of this key.
func box(_ key: RecipeKey) -> RecipeBox {
    let spec = ImageSpec(description: "", hardwareType: .cpu, supports: nil, access: .owner, versions: [])
    return RecipeBox(Recipe(id: RecordID("id-\(key.name)"), owner: key.owner, name: key.name, spec: .image(spec), createdAt: Recipe.unrecordedCreation))
}

@Suite("Sorted recipe index")
struct SortedRecipesTests {
    func key(_ number: Int) -> RecipeKey {
        RecipeKey(type: .image, owner: OwnerPath(org: "org\(number % 7)", identity: "user\(number % 3)"), name: "image-\(number)")
    }

    @Test("inserts and removes in any order keep every key once, ascending, across many chunks")
    func matchesASortedArray() {
        var generator = SystemRandomNumberGenerator()
        let keys = (0..<5_000).map(key).shuffled(using: &generator)
        var index = SortedRecipes()
        for key in keys { index.insert(box(key)) }
        #expect(index.keys == keys.sorted())
        let removed = Set(keys.prefix(2_000))
        for key in removed { index.remove(key) }
        #expect(index.keys == keys.filter { !removed.contains($0) }.sorted())
        #expect(index.count == 3_000)
    }

    @Test("built at once from sorted keys, it takes inserts as if built one by one")
    func bulkBuild() {
        let keys = (0..<3_000).map(key).sorted()
        var index = SortedRecipes(sorted: keys.map(box))
        index.insert(box(key(10_001)))
        #expect(index.keys == (keys + [key(10_001)]).sorted())
    }

    @Test("a replaced recipe is walked in its place, holding the new recipe")
    func replaces() {
        let keys = (0..<1_000).map(key).sorted()
        var index = SortedRecipes(sorted: keys.map(box))
        let changed = Recipe(id: RecordID("changed"), owner: keys[600].owner, name: keys[600].name, spec: box(keys[600]).recipe.spec, createdAt: .distantPast)
        index.replace(with: RecipeBox(changed))
        var walker = index.walk(ascending: true, from: keys[599])
        #expect(walker.next()?.recipe.id == RecordID("changed"))
        #expect(index.keys == keys)
    }

    @Test("owners order by org, then identity")
    func ownerOrder() {
        let first = RecipeKey(type: .image, owner: OwnerPath(org: "a", identity: "z"), name: "x")
        let second = RecipeKey(type: .image, owner: OwnerPath(org: "a-b", identity: "a"), name: "x")
        #expect(first < second)
    }
}

@Suite("Sorting what the store loaded")
struct MostlySortedTests {
    @Test("a sorted prefix and an unsorted tail come out as a full sort would", arguments: [0, 1, 10, 500, 999, 1000])
    func matchesFullSort(prefix: Int) {
        var generator = SystemRandomNumberGenerator()
        let keys = (0..<1000).map { RecipeKey(type: .image, owner: OwnerPath(org: "o", identity: "u"), name: "n\(Int.random(in: 0..<100_000, using: &generator))-\($0)") }
        let input = Array(keys.prefix(prefix).sorted()) + Array(keys.dropFirst(prefix))
        #expect(input.sortedMostlySorted(by: <) == input.sorted())
    }

    @Test("a snapshot then journals: for each key the last change read wins, a removal drops it, a later put brings it back")
    func lastChangeWins() {
        func recipe(_ name: String, _ description: String) -> Recipe {
            let spec = ImageSpec(description: description, hardwareType: .cpu, supports: nil, access: .owner, versions: [])
            return Recipe(id: RecordID("id-\(name)"), owner: OwnerPath(org: "o", identity: "u"), name: name, spec: .image(spec), createdAt: Recipe.unrecordedCreation)
        }
        // The snapshot's sorted run, then journal records out of order.
        var loaded = LoadedRecipes(["a", "b", "c", "d", "e"].map { recipe($0, "snapshot") })
        loaded.upsert(recipe("d", "journal 1"))
        loaded.remove(recipe("b", "").key)
        loaded.upsert(recipe("a", "journal 2"))
        loaded.remove(recipe("e", "").key)
        loaded.upsert(recipe("e", "journal 3"))
        loaded.upsert(recipe("d", "journal 4"))
        loaded.remove(recipe("z", "").key)
        let summary = loaded.sorted.map { recipe -> String in
            guard case let .image(spec) = recipe.spec else { return recipe.name }
            return "\(recipe.name): \(spec.description)"
        }
        #expect(summary == ["a: journal 2", "c: snapshot", "d: journal 4", "e: journal 3"])
    }
}

@Suite("Walking the key index")
struct SortedRecipesWalkTests {
    static let keys = (0..<2_000).map { RecipeKey(type: .image, owner: OwnerPath(org: "o\($0 % 5)", identity: "u"), name: "n\($0)") }.sorted()
    static let index = SortedRecipes(sorted: keys.map(box))

    @Test("from any key, either way, it visits exactly the keys beyond it", arguments: [nil, 0, 1, 255, 256, 1_000, 1_999] as [Int?])
    func walks(start: Int?) {
        let from = start.map { Self.keys[$0] }
        for ascending in [true, false] {
            var walker = Self.index.walk(ascending: ascending, from: from)
            var seen: [RecipeKey] = []
            while let box = walker.next() { seen.append(box.recipe.key) }
            let expected = ascending
                ? Self.keys.filter { from == nil || $0 > from! }
                : Self.keys.filter { from == nil || $0 < from! }.reversed()
            #expect(seen == Array(expected))
        }
    }

    @Test("from a key that is not in the index, it starts where that key would be")
    func absentStart() {
        let between = RecipeKey(type: .image, owner: OwnerPath(org: "o2", identity: "u"), name: "n")
        var walker = Self.index.walk(ascending: true, from: between)
        #expect(walker.next()?.recipe.key == Self.keys.first { $0 > between })
        var back = Self.index.walk(ascending: false, from: between)
        #expect(back.next()?.recipe.key == Self.keys.last { $0 < between })
    }
}

extension SortedRecipes {
    /// Every key, in order, read by a walk from the start.
    var keys: [RecipeKey] {
        var walker = walk(ascending: true, from: nil)
        var keys: [RecipeKey] = []
        while let box = walker.next() { keys.append(box.recipe.key) }
        return keys
    }
}
