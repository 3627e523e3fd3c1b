import FoundationEssentials
import Glibc

/// One committed transaction in the journal: the recipes it wrote, whole.
struct JournalRecord: Codable {
    let images: [ImageRecipe]

    func encoded() throws(StoreError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { throw .writeFailed(file: "journal", reason: "the record cannot be encoded") }
        return Array(data)
    }
}
