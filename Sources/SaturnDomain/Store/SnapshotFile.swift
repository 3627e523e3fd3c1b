import Dispatch
import Synchronization

/// The whole state as one readable JSON document, one image per line, and the first journal generation to
/// replay after it: `{"format": 1, "next_journal": 4, "images": [...]}`.
struct SnapshotFile {
    static let formatVersion = 1

    let nextJournal: Int
    let images: [ImageRecipe]

    /// Reads and checks a snapshot; nil when there is none.
    static func read(_ path: String) throws(StoreError) -> SnapshotFile? {
        guard let bytes = try DurableFile.read(path) else { return nil }
        var parser = JSONParser(bytes: bytes)
        var format: Int?
        var nextJournal: Int?
        var images: [ImageRecipe] = []
        do throws(JSONSyntaxError) {
            try parser.readObject { parser, key throws(JSONSyntaxError) in
                switch key {
                case "format":
                    format = try parser.readInteger()
                    // Another version's images may not read as this one's: stop here, the catch says why.
                    if format != formatVersion { throw parser.failure("unknown format version") }
                case "next_journal": nextJournal = try parser.readInteger()
                case "images":
                    images = try readImages(bytes, at: parser.arrayElementOffsets())
                default: try parser.skipValue()
                }
            }
            try parser.finish()
        } catch {
            if let format, format != formatVersion {
                throw .unreadable(file: path, reason: "unknown format version \(format) (this build reads \(formatVersion))")
            }
            throw .unreadable(file: path, reason: format == nil ? "it is not a saturn-mock snapshot (\(error.reason))" : "it is damaged: \(error.reason)")
        }
        guard format != nil else { throw .unreadable(file: path, reason: "it is not a saturn-mock snapshot (no format version)") }
        guard let nextJournal, nextJournal >= 1 else { throw .unreadable(file: path, reason: "it is damaged: next_journal is missing") }
        return SnapshotFile(nextJournal: nextJournal, images: images)
    }

    /// Reads the images that start at `offsets`, in halves on two threads: at start with a large store, reading the
    /// snapshot is most of the wait.
    private static func readImages(_ bytes: [UInt8], at offsets: [Int]) throws(JSONSyntaxError) -> [ImageRecipe] {
        let parts = offsets.count < 1_000 ? 1 : 2
        let size = (offsets.count + parts - 1) / max(parts, 1)
        let results = Mutex<[Int: Result<[ImageRecipe], JSONSyntaxError>]>([:])
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (part * size)..<min(offsets.count, (part + 1) * size)
            var images: [ImageRecipe] = []
            images.reserveCapacity(range.count)
            let outcome: Result<[ImageRecipe], JSONSyntaxError>
            do throws(JSONSyntaxError) {
                for index in range {
                    var parser = JSONParser(bytes: bytes, offset: offsets[index])
                    images.append(try ImageRecipe(storedFrom: &parser))
                }
                outcome = .success(images)
            } catch {
                outcome = .failure(error)
            }
            results.withLock { $0[part] = outcome }
        }
        var images: [ImageRecipe] = []
        images.reserveCapacity(offsets.count)
        for part in 0..<parts {
            guard let outcome = results.withLock({ $0[part] }) else { continue }
            images += try outcome.get()
        }
        return images
    }

    /// Writes the snapshot durably, replacing any previous one.
    func write(to path: String) throws(StoreError) {
        var bytes = Array("{\"format\": \(Self.formatVersion), \"next_journal\": \(nextJournal), \"images\": [\n".utf8)
        for (index, image) in images.enumerated() {
            var output = JSONOutput()
            image.writeStored(to: &output)
            bytes += output.bytes
            bytes += Array((index == images.count - 1 ? "\n" : ",\n").utf8)
        }
        bytes += Array("]}\n".utf8)
        try DurableFile.replace(path, with: bytes)
    }
}
