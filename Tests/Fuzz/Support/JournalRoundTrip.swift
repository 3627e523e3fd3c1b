import SaturnJSON
@testable import SaturnDomain
@testable import SaturnStore

/// A journal record that decodes, encoded again, decodes to the same transaction, and encodes to the same bytes.
enum JournalRoundTrip {
    static func check(_ json: ArraySlice<UInt8>) {
        guard let record = try? JournalRecord(decoding: json) else { return }
        check(record.transaction)
    }

    /// What the store writes of `transaction` reads back as `transaction`.
    static func check(_ transaction: StoreTransaction) {
        let encoded = JournalRecord(transaction).encoded()
        let decoded: JournalRecord
        do throws(JSONSyntaxError) {
            decoded = try JournalRecord(decoding: encoded[...])
        } catch {
            fatalError("fuzz property broken: the journal cannot read what it wrote (\(error.reason)): \(String(decoding: encoded, as: UTF8.self))")
        }
        fuzzCheck(decoded.transaction == transaction, "written as \(String(decoding: encoded, as: UTF8.self)), it reads as \(decoded.transaction), not \(transaction)")
        fuzzCheck(JournalRecord(decoded.transaction).encoded() == encoded, "the journal writes what it read back as other bytes")
    }
}
