/// A strict RFC 8259 parser over bytes that defines what a JSON number is for the whole mock, and a nesting limit
/// so that no input can exhaust the stack.
///
/// A number is a finite double: `1e400` is refused, not read as infinity, which no JSON writer can write back. A
/// whole number written without a fraction or exponent must lie within ±2^53, where a double holds it exactly, so
/// that what is read is what is written back. Both are limits (`JSONSyntaxError.limit`), not grammar errors.
public struct JSONParser {
    /// What the store reads: deeper documents are refused. The API reads requests with a lower limit
    /// (`requestDepth`), so that whatever it accepts, wrapped in the store's records, still loads.
    public static let maximumDepth = 256
    /// The deepest request body the API reads; no Saturn recipe nests more than a handful of levels, and the store's
    /// records add fewer than ten around what a request gave.
    public static let requestDepth = 64
    /// The largest whole number kept exactly: 2^53.
    public static let largestExactInteger: UInt64 = 9_007_199_254_740_992

    private let bytes: [UInt8]
    private var offset = 0
    private var depth = 0
    private let depthLimit: Int
    /// The keys and indexes from the document to the value being read; kept only when a limit error is located.
    private var trail: [PathStep]?

    private enum PathStep {
        case key(String)
        case index(Int)
    }

    public init(bytes: [UInt8], offset: Int = 0, maximumDepth: Int = JSONParser.maximumDepth) {
        self.bytes = bytes
        self.offset = offset
        depthLimit = maximumDepth
    }

    /// Parses the whole input as one JSON value, refusing anything after it. A limit error names the path of the
    /// value that passed it.
    public mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        let start = offset
        do throws(JSONSyntaxError) {
            return try parseWholeDocument()
        } catch {
            guard error.limit != nil, trail == nil else { throw error }
            // Read again from the start, keeping the path this time: it costs only when a limit is passed.
            var locating = JSONParser(bytes: bytes, offset: start, maximumDepth: depthLimit)
            locating.trail = []
            _ = try locating.parseWholeDocument()
            throw error
        }
    }

    private mutating func parseWholeDocument() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        guard offset < bytes.count else { throw JSONSyntaxError(reason: "the body is empty") }
        let value = try parseValue()
        skipWhitespace()
        guard offset == bytes.count else { throw failure("unexpected text after the JSON value") }
        return value
    }

    /// An error naming the byte offset the parser is at.
    public func failure(_ what: String) -> JSONSyntaxError {
        JSONSyntaxError(reason: "\(what) at byte \(offset)")
    }

    /// A limit passed at the parser's position: the path is known when the parser keeps its trail.
    private func limitFailure(_ problem: String) -> JSONSyntaxError {
        JSONSyntaxError(reason: "\(problem) at byte \(offset)", limit: JSONLimitExceeded(path: trailPath ?? "", problem: problem))
    }

    /// The trail as a validation path, `(body)` for the document itself.
    private var trailPath: String? {
        guard let trail else { return nil }
        var path = ""
        for step in trail {
            switch step {
            case let .key(key): path += path.isEmpty ? key : ".\(key)"
            case let .index(index): path += "[\(index)]"
            }
        }
        if path.isEmpty || path.hasPrefix("[") { path = "(body)" + path }
        return path
    }

    private mutating func skipWhitespace() {
        while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard offset < bytes.count else { throw failure("unexpected end of input") }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw failure("unexpected character '\(printable(bytes[offset]))'")
        }
    }

    private mutating func parseLiteral(_ word: String, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        let expected = Array(word.utf8)
        guard bytes.count - offset >= expected.count, Array(bytes[offset..<offset + expected.count]) == expected else {
            throw failure("invalid literal (expected '\(word)')")
        }
        offset += expected.count
        return value
    }

    private mutating func enterNesting() throws(JSONSyntaxError) {
        depth += 1
        guard depth <= depthLimit else { throw limitFailure("nests deeper than \(depthLimit) levels") }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        var fields: [String: JSONValue] = [:]
        try readObject { parser, key throws(JSONSyntaxError) in fields[key] = try parser.parseValue() }
        return .object(fields)
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        var items: [JSONValue] = []
        try readArray { parser throws(JSONSyntaxError) in items.append(try parser.parseValue()) }
        return .array(items)
    }

    // MARK: - Reading without building a tree (the store's records and snapshot)

    /// Reads `{"key": value, ...}`, calling `member` with each key; `member` must read exactly that key's value.
    public mutating func readObject(_ member: (inout JSONParser, String) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "{") else { throw failure("expected an object") }
        try enterNesting()
        offset += 1
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            return
        }
        while true {
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw failure("expected a string key") }
            let key = try parseString()
            skipWhitespace()
            guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw failure("expected ':' after a key") }
            offset += 1
            skipWhitespace()
            trail?.append(.key(key))
            try member(&self, key)
            trail?.removeLast()
            skipWhitespace()
            guard offset < bytes.count else { throw failure("unexpected end of input in an object") }
            if bytes[offset] == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            guard bytes[offset] == UInt8(ascii: "}") else { throw failure("expected ',' or '}' in an object") }
            offset += 1
            depth -= 1
            return
        }
    }

    /// Reads `[value, ...]`, calling `element` once per element; `element` must read exactly that value.
    public mutating func readArray(_ element: (inout JSONParser) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "[") else { throw failure("expected an array") }
        try enterNesting()
        offset += 1
        skipWhitespace()
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            return
        }
        var index = 0
        while true {
            skipWhitespace()
            trail?.append(.index(index))
            try element(&self)
            trail?.removeLast()
            index += 1
            skipWhitespace()
            guard offset < bytes.count else { throw failure("unexpected end of input in an array") }
            if bytes[offset] == UInt8(ascii: ",") {
                offset += 1
                continue
            }
            guard bytes[offset] == UInt8(ascii: "]") else { throw failure("expected ',' or ']' in an array") }
            offset += 1
            depth -= 1
            return
        }
    }

    /// Reads a string value.
    public mutating func readString() throws(JSONSyntaxError) -> String {
        skipWhitespace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw failure("expected a string") }
        return try parseString()
    }

    /// Reads `true` or `false`.
    public mutating func readBool() throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard case let .bool(value) = try parseValue() else { throw failure("expected true or false") }
        return value
    }

    /// Reads a whole number.
    public mutating func readInteger() throws(JSONSyntaxError) -> Int {
        skipWhitespace()
        guard case let .number(value) = try parseValue(), value == value.rounded(), abs(value) < 1e15 else {
            throw failure("expected a whole number")
        }
        return Int(value)
    }

    /// The byte offsets of the elements of the array at the parser's position, found by a scan that builds
    /// nothing; the parser moves past the array. The elements are read afterwards, perhaps on several threads.
    public mutating func arrayElementOffsets() throws(JSONSyntaxError) -> [Int] {
        var offsets: [Int] = []
        try readArray { parser throws(JSONSyntaxError) in
            offsets.append(parser.offset)
            try parser.skipValueWithoutReading()
        }
        return offsets
    }

    /// Moves past one value by its brackets and quotes, building nothing.
    private mutating func skipValueWithoutReading() throws(JSONSyntaxError) {
        var nesting = 0
        repeat {
            guard offset < bytes.count else { throw failure("unexpected end of input") }
            switch bytes[offset] {
            case UInt8(ascii: "\""):
                offset += 1
                while offset < bytes.count, bytes[offset] != UInt8(ascii: "\"") {
                    offset += bytes[offset] == UInt8(ascii: "\\") ? 2 : 1
                }
                offset += 1
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                nesting += 1
                offset += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                nesting -= 1
                offset += 1
            case UInt8(ascii: ","), UInt8(ascii: ":"), 0x20, 0x09, 0x0A, 0x0D:
                offset += 1
            default:
                // A number or literal: up to the next delimiter.
                while offset < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) {
                    offset += 1
                }
            }
        } while nesting > 0
    }

    /// Reads one value of any kind as a tree.
    public mutating func readValue() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        return try parseValue()
    }

    /// Reads and drops one value of any kind.
    public mutating func skipValue() throws(JSONSyntaxError) {
        _ = try readValue()
    }

    /// Checks that nothing but white space follows.
    public mutating func finish() throws(JSONSyntaxError) {
        skipWhitespace()
        guard offset == bytes.count else { throw failure("unexpected text after the JSON value") }
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        offset += 1
        // Most strings have no escapes: make them straight from the bytes.
        var end = offset
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            let start = offset
            offset = end + 1
            let text: String? = bytes.withUnsafeBufferPointer { buffer in
                let run = UnsafeBufferPointer(rebasing: buffer[start..<end])
                // ASCII needs no validation, and decoding it is the fast path.
                return run.allSatisfy { $0 < 0x80 } ? String(decoding: run, as: UTF8.self) : String(validating: run, as: UTF8.self)
            }
            guard let text else { throw failure("a string is not valid UTF-8") }
            return text
        }
        var scalars: [UInt8] = []
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                guard let text = String(validating: scalars, as: UTF8.self) else {
                    throw failure("a string is not valid UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                offset += 1
                try appendEscape(to: &scalars)
            case 0x00..<0x20:
                throw failure("a control character inside a string must be escaped")
            default:
                scalars.append(byte)
                offset += 1
            }
        }
        throw failure("unterminated string")
    }

    private mutating func appendEscape(to output: inout [UInt8]) throws(JSONSyntaxError) {
        guard offset < bytes.count else { throw failure("unterminated escape") }
        let escaped = bytes[offset]
        offset += 1
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F,
            UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        if let byte = simple[escaped] {
            output.append(byte)
            return
        }
        guard escaped == UInt8(ascii: "u") else { throw failure("invalid escape '\\\(printable(escaped))'") }
        var code = try hexQuad()
        if (0xD800...0xDBFF).contains(code) {
            guard bytes.count - offset >= 6, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                throw failure("a high surrogate must be followed by a low surrogate")
            }
            offset += 2
            let low = try hexQuad()
            guard (0xDC00...0xDFFF).contains(low) else { throw failure("invalid low surrogate") }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(code) {
            throw failure("a lone low surrogate")
        }
        guard let scalar = Unicode.Scalar(code) else { throw failure("invalid unicode escape") }
        output.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    private mutating func hexQuad() throws(JSONSyntaxError) -> UInt32 {
        guard bytes.count - offset >= 4 else { throw failure("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = hexValue(bytes[offset]) else { throw failure("a \\u escape needs four hex digits") }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = offset
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard offset < bytes.count, isDigit(bytes[offset]) else { throw failure("a number needs digits") }
        if bytes[offset] == UInt8(ascii: "0") {
            offset += 1
            if offset < bytes.count, isDigit(bytes[offset]) { throw failure("a number may not start with 0") }
        } else {
            skipDigits()
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw failure("a fraction needs digits") }
            skipDigits()
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard offset < bytes.count, isDigit(bytes[offset]) else { throw failure("an exponent needs digits") }
            skipDigits()
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        guard let number = Double(text), number.isFinite else {
            throw limitFailure("\(text.prefix(40)) is beyond the range of a JSON number (±1.8e308)")
        }
        // A whole number is judged by its digits: the double nearest 2^53 + 1 is 2^53 itself.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }),
           Int64(text).map({ $0.magnitude > Self.largestExactInteger }) ?? true {
            throw limitFailure("\(text.prefix(40)) is a whole number beyond ±2^53, which cannot be kept exactly")
        }
        return .number(number)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private mutating func skipDigits() {
        while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
    }

    private func printable(_ byte: UInt8) -> String {
        (0x20..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "\\x" + String(byte, radix: 16)
    }
}
