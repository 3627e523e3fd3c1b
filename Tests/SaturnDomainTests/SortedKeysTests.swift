import Testing
@testable import SaturnDomain

@Suite("Sorted key index")
struct SortedKeysTests {
    func key(_ number: Int) -> RecipeKey {
        RecipeKey(type: .image, owner: OwnerPath(org: "org\(number % 7)", identity: "user\(number % 3)"), name: "image-\(number)")
    }

    @Test("inserts and removes in any order keep every key once, ascending, across many chunks")
    func matchesASortedArray() {
        var generator = SystemRandomNumberGenerator()
        let keys = (0..<5_000).map(key).shuffled(using: &generator)
        var index = SortedKeys()
        for key in keys { index.insert(key) }
        #expect(index.keys == keys.sorted())
        let removed = Set(keys.prefix(2_000))
        for key in removed { index.remove(key) }
        #expect(index.keys == keys.filter { !removed.contains($0) }.sorted())
        #expect(index.count == 3_000)
    }

    @Test("built at once from sorted keys, it takes inserts as if built one by one")
    func bulkBuild() {
        let keys = (0..<3_000).map(key).sorted()
        var index = SortedKeys(sorted: keys)
        index.insert(key(10_001))
        #expect(index.keys == (keys + [key(10_001)]).sorted())
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
        #expect(input.sortedMostlySorted() == input.sorted())
    }
}

@Suite("Walking the key index")
struct SortedKeysWalkTests {
    static let keys = (0..<2_000).map { RecipeKey(type: .image, owner: OwnerPath(org: "o\($0 % 5)", identity: "u"), name: "n\($0)") }.sorted()
    static let index = SortedKeys(sorted: keys)

    @Test("from any key, either way, it visits exactly the keys beyond it", arguments: [nil, 0, 1, 255, 256, 1_000, 1_999] as [Int?])
    func walks(start: Int?) {
        let from = start.map { Self.keys[$0] }
        for ascending in [true, false] {
            var walker = Self.index.walk(ascending: ascending, from: from)
            var seen: [RecipeKey] = []
            while let key = walker.next() { seen.append(key) }
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
        #expect(walker.next() == Self.keys.first { $0 > between })
        var back = Self.index.walk(ascending: false, from: between)
        #expect(back.next() == Self.keys.last { $0 < between })
    }
}

extension SortedKeys {
    /// Every key, in order, read by a walk from the start.
    var keys: [RecipeKey] {
        var walker = walk(ascending: true, from: nil)
        var keys: [RecipeKey] = []
        while let key = walker.next() { keys.append(key) }
        return keys
    }
}
