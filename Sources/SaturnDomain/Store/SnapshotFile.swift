import FoundationEssentials
import Glibc

/// The whole state as one readable JSON document, and the first journal generation to replay after it.
struct SnapshotFile: Codable {
    static let formatVersion = 1

    let format: Int
    let nextJournal: Int
    let images: [ImageRecipe]

    enum CodingKeys: String, CodingKey {
        case format, images
        case nextJournal = "next_journal"
    }

    /// Reads and checks a snapshot; nil when there is none.
    static func read(_ path: String) throws(StoreError) -> SnapshotFile? {
        guard let bytes = try DurableFile.read(path) else { return nil }
        struct Header: Decodable { let format: Int }
        guard let header = try? JSONDecoder().decode(Header.self, from: Data(bytes)) else {
            throw .unreadable(file: path, reason: "it is not a saturn-mock snapshot (no format version)")
        }
        guard header.format == formatVersion else {
            throw .unreadable(file: path, reason: "unknown format version \(header.format) (this build reads \(formatVersion))")
        }
        do {
            return try JSONDecoder().decode(SnapshotFile.self, from: Data(bytes))
        } catch {
            throw .unreadable(file: path, reason: "it is damaged: \(DecodingFailure.describe(error))")
        }
    }

    /// Writes the snapshot durably, replacing any previous one.
    func write(to path: String) throws(StoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { throw .writeFailed(file: path, reason: "the state cannot be encoded") }
        try DurableFile.replace(path, with: Array(data))
    }
}

/// Short words for a decoding error.
enum DecodingFailure {
    static func describe(_ error: any Error) -> String {
        switch error {
        case let DecodingError.dataCorrupted(context), let DecodingError.keyNotFound(_, context),
             let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return "\(path.isEmpty ? "" : "at \(path): ")\(context.debugDescription)"
        default:
            return "\(error)"
        }
    }
}
