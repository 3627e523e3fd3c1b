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
                    try parser.readArray { parser throws(JSONSyntaxError) in images.append(try ImageRecipe(storedFrom: &parser)) }
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
