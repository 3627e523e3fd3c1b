/// Recipe keys in ascending order, kept in chunks so that inserting or removing one costs O(chunk) rather than
/// O(all keys): applies stay as fast with 100,000 recipes as with 100.
struct SortedKeys: Sequence {
    private static let maximumChunk = 512
    private var chunks: [[RecipeKey]] = []
    private(set) var count = 0

    init() {}

    /// Builds the index at once from keys already in ascending order.
    init(sorted keys: [RecipeKey]) {
        let half = Self.maximumChunk / 2
        chunks = stride(from: 0, to: keys.count, by: half).map { Array(keys[$0..<Swift.min(keys.count, $0 + half)]) }
        count = keys.count
    }

    /// Inserts a key that is not present yet.
    mutating func insert(_ key: RecipeKey) {
        guard !chunks.isEmpty else {
            chunks = [[key]]
            count = 1
            return
        }
        let chunkIndex = Swift.min(chunks.partitioningIndex { $0.last! >= key }, chunks.count - 1)
        let position = chunks[chunkIndex].partitioningIndex { $0 >= key }
        chunks[chunkIndex].insert(key, at: position)
        count += 1
        if chunks[chunkIndex].count > Self.maximumChunk {
            let upper = Array(chunks[chunkIndex][(Self.maximumChunk / 2)...])
            chunks[chunkIndex].removeLast(upper.count)
            chunks.insert(upper, at: chunkIndex + 1)
        }
    }

    /// Removes a key that is present.
    mutating func remove(_ key: RecipeKey) {
        let chunkIndex = chunks.partitioningIndex { $0.last! >= key }
        guard chunkIndex < chunks.count else { return }
        let position = chunks[chunkIndex].partitioningIndex { $0 >= key }
        guard position < chunks[chunkIndex].count, chunks[chunkIndex][position] == key else { return }
        chunks[chunkIndex].remove(at: position)
        count -= 1
        if chunks[chunkIndex].isEmpty { chunks.remove(at: chunkIndex) }
    }

    func makeIterator() -> FlattenSequence<[[RecipeKey]]>.Iterator {
        chunks.joined().makeIterator()
    }
}
