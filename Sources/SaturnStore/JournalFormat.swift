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
        /// The JSON of each intact record, with the byte offset where its frame starts, in file order: those after a
        /// damaged stretch too.
        var records: [(offset: Int, json: ArraySlice<UInt8>)] = []
        /// Where the intact records end: a writer may append from here (when nothing after it is damaged).
        var validLength = 0
        /// Damaged stretches in the middle of the file: where each starts and ends, and what is wrong at its start.
        var damaged: [(offset: Int, end: Int, reason: String)] = []
        /// A damaged stretch at the very end that holds no line end: a write cut short by a crash, never acknowledged.
        var tornTail: (offset: Int, reason: String)?
    }

    enum HeaderProblem: Error {
        case missing
        case unknownVersion(String)
    }

    /// Reads every intact record. Past a damaged stretch it looks for the next line that starts a whole, checked
    /// frame and reads on from there: records are one line each, and their JSON holds no raw line end. Throws when
    /// the header is not a journal's.
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
                if scan.damaged.isEmpty { scan.validLength = offset }
            case let .damaged(reason):
                guard let next = nextFrame(in: bytes, after: offset) else {
                    // Nothing whole follows. With no line end before the last byte, it is a prefix of what one
                    // write put there: torn by a crash.
                    if bytes[offset..<(bytes.count - 1)].firstIndex(of: 0x0A) == nil {
                        scan.tornTail = (offset, reason)
                    } else {
                        scan.damaged.append((offset, bytes.count, reason))
                    }
                    return scan
                }
                scan.damaged.append((offset, next, reason))
                offset = next
            }
        }
        return scan
    }

    /// The start of the first line after `offset` that begins a whole, checked frame.
    private static func nextFrame(in bytes: [UInt8], after offset: Int) -> Int? {
        var cursor = offset
        while let newline = bytes[cursor..<bytes.count].firstIndex(of: 0x0A) {
            let start = newline + 1
            guard start < bytes.count else { return nil }
            if case .record = readFrame(bytes, at: start) { return start }
            cursor = start
        }
        return nil
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
