/// Recipe keys in ascending order, kept in chunks so that inserting or removing one costs O(chunk) rather than
/// O(all keys): applies stay as fast with 100,000 recipes as with 100.
struct SortedKeys: Sendable {
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
}

extension SortedKeys {
    /// Walks the keys strictly after `start` (ascending) or strictly before it (descending); from the first or
    /// last key when `start` is nil. Costs O(log n) to begin and O(1) a step.
    func walk(ascending: Bool, from start: RecipeKey?) -> Walker {
        var walker = Walker(chunks: chunks, ascending: ascending, chunk: 0, index: 0)
        if ascending {
            guard let start else { return walker }
            walker.chunk = chunks.partitioningIndex { $0.last! > start }
            if walker.chunk < chunks.count { walker.index = chunks[walker.chunk].partitioningIndex { $0 > start } }
        } else {
            let firstNotBefore = start.map { start in chunks.partitioningIndex { $0.last! >= start } } ?? chunks.count
            // The chunk holding the last key before `start` is this one (if it has such a key) or the one before.
            var chunk = Swift.min(firstNotBefore, chunks.count - 1)
            var index = chunk >= 0 ? (start.map { start in chunks[chunk].partitioningIndex { $0 >= start } } ?? chunks[chunk].count) - 1 : -1
            if index < 0 && chunk > 0 {
                chunk -= 1
                index = chunks[chunk].count - 1
            }
            walker.chunk = chunk
            walker.index = index
        }
        return walker
    }

    /// A position in the index that moves one way.
    struct Walker {
        let chunks: [[RecipeKey]]
        let ascending: Bool
        var chunk: Int
        var index: Int

        mutating func next() -> RecipeKey? {
            if ascending {
                while chunk < chunks.count && index >= chunks[chunk].count {
                    chunk += 1
                    index = 0
                }
                guard chunk < chunks.count else { return nil }
                defer { index += 1 }
                return chunks[chunk][index]
            }
            while chunk >= 0 && index < 0 {
                chunk -= 1
                index = chunk >= 0 ? chunks[chunk].count - 1 : -1
            }
            guard chunk >= 0, index >= 0 else { return nil }
            defer { index -= 1 }
            return chunks[chunk][index]
        }
    }
}
