import SaturnDomain

/// The journal's text format: a header line, then one line per committed transaction,
/// `R <length> <crc32> <json>\n`, where the length and checksum (8 hex digits) cover the JSON bytes only.
enum JournalFormat {
    /// The version this build writes (3: records of tenants). Versions 1 and 2 (the default tenant's recipes only)
    /// are still read; a journal of them is not appended to, so that an older build never meets records it cannot read.
    static let version = 3
    static let readableVersions = 1...3
    static let header = Array("saturn-mock journal \(version)\n".utf8)

    /// One record's bytes, ready to append.
    static func frame(_ json: [UInt8]) -> [UInt8] {
        let prefix = "R \(json.count) \(String(CRC32.checksum(json), radix: 16, zeroPaddedTo: 8)) "
        return Array(prefix.utf8) + json + [0x0A]
    }

    /// What a scan of one journal file found.
    struct Scan {
        /// The version the header names.
        var version = JournalFormat.version
        /// The JSON of each intact record, with the byte offset where its frame starts.
        var records: [(offset: Int, json: ArraySlice<UInt8>)] = []
        /// Where the intact records end: a writer may append from here.
        var validLength = 0
        /// A damaged record: its offset, what is wrong, and whether anything follows it (nothing: a torn tail).
        var damage: (offset: Int, reason: String, isLast: Bool)?
    }

    enum HeaderProblem: Error {
        case missing
        case unknownVersion(String)
    }

    /// Reads every record; stops at the first damaged one. Throws when the header is not a journal's.
    static func scan(_ bytes: [UInt8]) throws(HeaderProblem) -> Scan {
        guard let newline = bytes.firstIndex(of: 0x0A) else { throw .missing }
        let headerLine = String(decoding: bytes[..<newline], as: UTF8.self)
        guard headerLine.hasPrefix("saturn-mock journal ") else { throw .missing }
        guard let found = Int(headerLine.dropFirst("saturn-mock journal ".count)), readableVersions.contains(found) else {
            throw .unknownVersion(headerLine)
        }

        var scan = Scan()
        scan.version = found
        var offset = newline + 1
        scan.validLength = offset
        while offset < bytes.count {
            switch readFrame(bytes, at: offset) {
            case let .record(json, next):
                scan.records.append((offset, json))
                offset = next
                scan.validLength = offset
            case let .damaged(reason):
                // A torn write leaves a prefix of one frame: no line ends before the last byte of the file.
                let isLast = bytes[offset..<(bytes.count - 1)].firstIndex(of: 0x0A) == nil
                scan.damage = (offset, reason, isLast)
                return scan
            }
        }
        return scan
    }

    private enum Frame {
        case record(ArraySlice<UInt8>, next: Int)
        case damaged(String)
    }

    private static func readFrame(_ bytes: [UInt8], at start: Int) -> Frame {
        // "R " + length + " " + 8 hex digits + " "
        guard bytes.count - start >= 2, bytes[start] == UInt8(ascii: "R"), bytes[start + 1] == 0x20 else {
            return .damaged(bytes.count - start < 2 ? "the record is cut short" : "no record starts here")
        }
        var cursor = start + 2
        var length = 0
        while cursor < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]), length < 1 << 40 {
            length = length * 10 + Int(bytes[cursor] - UInt8(ascii: "0"))
            cursor += 1
        }
        guard cursor + 10 <= bytes.count else { return .damaged("the record is cut short") }
        guard cursor > start + 2, bytes[cursor] == 0x20, bytes[cursor + 9] == 0x20,
              let expected = UInt32(String(decoding: bytes[(cursor + 1)...(cursor + 8)], as: UTF8.self), radix: 16)
        else { return .damaged("the record's header is malformed") }
        let jsonStart = cursor + 10
        let end = jsonStart + length
        guard end < bytes.count else { return .damaged("the record is cut short") }
        guard bytes[end] == 0x0A else { return .damaged("the record's length does not match its end") }
        let json = bytes[jsonStart..<end]
        guard CRC32.checksum(json) == expected else { return .damaged("the record's checksum does not match") }
        return .record(json, next: end + 1)
    }
}
