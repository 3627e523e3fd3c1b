@testable import SaturnStore

/// journal-record: `JournalFormat.scan` and `JournalRecord(decoding:)`, the path every start takes through the
/// journal. An input that starts like a journal (`s`) is scanned as a file; any other is split at line ends into
/// records' JSON, framed with their length and checksum (what random bytes would never get right), and scanned: every
/// framed record comes back whole. Each record that decodes round-trips through `encoded()`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    if bytes.first == UInt8(ascii: "s") {
        guard let scan = try? JournalFormat.scan(bytes) else { return 0 }
        fuzzCheck(scan.validLength <= bytes.count, "the valid length \(scan.validLength) passes the end")
        for record in scan.records { JournalRoundTrip.check(record.json) }
        return 0
    }
    let payloads = bytes.split(separator: 0x0A)
    let journal = JournalFormat.header + payloads.flatMap { JournalFormat.frame(Array($0)) }
    let scan = try? JournalFormat.scan(journal)
    fuzzCheck(scan?.records.map { Array($0.json) } == payloads.map { Array($0) }, "framed records do not scan back whole")
    fuzzCheck(scan?.damaged.isEmpty == true && scan?.tornTail == nil && scan?.validLength == journal.count, "a whole journal scans as damaged")
    for payload in payloads { JournalRoundTrip.check(payload) }
    return 0
}
