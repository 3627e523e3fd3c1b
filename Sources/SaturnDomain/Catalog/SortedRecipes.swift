/// Recipes in ascending key order, kept in chunks so that inserting or removing one costs O(chunk) rather than
/// O(all recipes): applies stay as fast with 100,000 recipes as with 100. Holds the recipes' boxes, 8 bytes each,
/// not their 72-byte keys, and a walk gives the recipe itself.
struct SortedRecipes: Sendable {
    private static let maximumChunk = 512
    private var chunks: [[RecipeBox]] = []
    private(set) var count = 0

    init() {}

    /// Builds the index at once from boxes already in ascending key order.
    init(sorted boxes: [RecipeBox]) {
        let half = Self.maximumChunk / 2
        chunks = stride(from: 0, to: boxes.count, by: half).map { Array(boxes[$0..<Swift.min(boxes.count, $0 + half)]) }
        count = boxes.count
    }

    /// Inserts a recipe whose key is not present yet.
    mutating func insert(_ box: RecipeBox) {
        guard !chunks.isEmpty else {
            chunks = [[box]]
            count = 1
            return
        }
        let key = box.recipe.key
        let chunkIndex = Swift.min(chunks.partitioningIndex { $0.last!.recipe.key >= key }, chunks.count - 1)
        let position = chunks[chunkIndex].partitioningIndex { $0.recipe.key >= key }
        chunks[chunkIndex].insert(box, at: position)
        count += 1
        if chunks[chunkIndex].count > Self.maximumChunk {
            let upper = Array(chunks[chunkIndex][(Self.maximumChunk / 2)...])
            chunks[chunkIndex].removeLast(upper.count)
            chunks.insert(upper, at: chunkIndex + 1)
        }
    }

    /// Puts a recipe in place of the one with its key, which is present.
    mutating func replace(with box: RecipeBox) {
        guard let (chunk, position) = position(of: box.recipe.key) else { return }
        chunks[chunk][position] = box
    }

    /// Removes the recipe with this key, which is present.
    mutating func remove(_ key: RecipeKey) {
        guard let (chunk, position) = position(of: key) else { return }
        chunks[chunk].remove(at: position)
        count -= 1
        if chunks[chunk].isEmpty { chunks.remove(at: chunk) }
    }

    private func position(of key: RecipeKey) -> (chunk: Int, position: Int)? {
        let chunk = chunks.partitioningIndex { $0.last!.recipe.key >= key }
        guard chunk < chunks.count else { return nil }
        let position = chunks[chunk].partitioningIndex { $0.recipe.key >= key }
        guard position < chunks[chunk].count, chunks[chunk][position].recipe.key == key else { return nil }
        return (chunk, position)
    }
}

extension SortedRecipes {
    /// Walks the recipes' boxes strictly after `start` (ascending) or strictly before it (descending); from the
    /// first or last when `start` is nil. Costs O(log n) to begin and O(1) a step.
    func walk(ascending: Bool, from start: RecipeKey?) -> Walker {
        var walker = Walker(chunks: chunks, ascending: ascending, chunk: 0, index: 0)
        if ascending {
            guard let start else { return walker }
            walker.chunk = chunks.partitioningIndex { $0.last!.recipe.key > start }
            if walker.chunk < chunks.count { walker.index = chunks[walker.chunk].partitioningIndex { $0.recipe.key > start } }
        } else {
            let firstNotBefore = start.map { start in chunks.partitioningIndex { $0.last!.recipe.key >= start } } ?? chunks.count
            // The chunk holding the last recipe before `start` is this one (if it has such a recipe) or the one before.
            var chunk = Swift.min(firstNotBefore, chunks.count - 1)
            var index = chunk >= 0
                ? (start.map { start in chunks[chunk].partitioningIndex { $0.recipe.key >= start } } ?? chunks[chunk].count) - 1 : -1
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
        let chunks: [[RecipeBox]]
        let ascending: Bool
        var chunk: Int
        var index: Int

        mutating func next() -> RecipeBox? {
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
