import Dispatch
import SaturnDomain
import SaturnJSON
import Synchronization

/// The whole state as one readable JSON document, one recipe per line, and the first journal generation to
/// replay after it: `{"format": 2, "next_journal": 4, "recipes": [...]}`. Format 1 (`"images"`) is read too.
struct SnapshotFile {
    static let formatVersion = 2
    static let readableFormats = 1...2

    let nextJournal: Int
    let recipes: [Recipe]

    /// Reads and checks a snapshot; nil when there is none.
    static func read(_ path: String) throws(StoreError) -> SnapshotFile? {
        guard let bytes = try DurableFile.read(path) else { return nil }
        var parser = JSONParser(bytes: bytes)
        var format: Int?
        var nextJournal: Int?
        var recipes: [Recipe] = []
        do throws(JSONSyntaxError) {
            try parser.readObject { parser, key throws(JSONSyntaxError) in
                switch key {
                case "format":
                    format = try parser.readInteger()
                    // Another version's recipes may not read as this one's: stop here, the catch says why.
                    if let format, !readableFormats.contains(format) { throw parser.failure("unknown format version") }
                case "next_journal": nextJournal = try parser.readInteger()
                case "recipes", "images":
                    recipes = try readRecipes(bytes, at: parser.arrayElementOffsets())
                default: try parser.skipValue()
                }
            }
            try parser.finish()
        } catch {
            if let format, !readableFormats.contains(format) {
                throw .unreadable(file: path, reason: "unknown format version \(format) (this build reads \(readableFormats.lowerBound) to \(readableFormats.upperBound))")
            }
            throw .unreadable(file: path, reason: format == nil ? "it is not a saturn-mock snapshot (\(error.reason))" : "it is damaged: \(error.reason)")
        }
        guard format != nil else { throw .unreadable(file: path, reason: "it is not a saturn-mock snapshot (no format version)") }
        guard let nextJournal, nextJournal >= 1 else { throw .unreadable(file: path, reason: "it is damaged: next_journal is missing") }
        return SnapshotFile(nextJournal: nextJournal, recipes: recipes)
    }

    /// Reads the recipes that start at `offsets`, in halves on two threads: at start with a large store, reading the
    /// snapshot is most of the wait.
    private static func readRecipes(_ bytes: [UInt8], at offsets: [Int]) throws(JSONSyntaxError) -> [Recipe] {
        let parts = offsets.count < 1_000 ? 1 : 2
        let size = (offsets.count + parts - 1) / max(parts, 1)
        let results = Mutex<[Int: Result<[Recipe], JSONSyntaxError>]>([:])
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (part * size)..<min(offsets.count, (part + 1) * size)
            var recipes: [Recipe] = []
            recipes.reserveCapacity(range.count)
            let outcome: Result<[Recipe], JSONSyntaxError>
            do throws(JSONSyntaxError) {
                for index in range {
                    var parser = JSONParser(bytes: bytes, offset: offsets[index])
                    recipes.append(try Recipe(storedFrom: &parser))
                }
                outcome = .success(recipes)
            } catch {
                outcome = .failure(error)
            }
            results.withLock { $0[part] = outcome }
        }
        var recipes: [Recipe] = []
        recipes.reserveCapacity(offsets.count)
        for part in 0..<parts {
            guard let outcome = results.withLock({ $0[part] }) else { continue }
            recipes += try outcome.get()
        }
        return recipes
    }

    /// Writes the snapshot durably, replacing any previous one.
    func write(to path: String) throws(StoreError) {
        var bytes = Array("{\"format\": \(Self.formatVersion), \"next_journal\": \(nextJournal), \"recipes\": [\n".utf8)
        for (index, recipe) in recipes.enumerated() {
            var output = JSONOutput()
            recipe.writeStored(to: &output)
            bytes += output.bytes
            bytes += Array((index == recipes.count - 1 ? "\n" : ",\n").utf8)
        }
        bytes += Array("]}\n".utf8)
        try DurableFile.replace(path, with: bytes)
    }
}
