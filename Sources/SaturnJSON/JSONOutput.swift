/// Writes JSON text straight into bytes, without Foundation's encoder (which costs more than the rest of a
/// request): response bodies, journal records and snapshots. Keys are written in the order the writer gives them.
public struct JSONOutput {
    /// The JSON text so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether the value about to be written follows another one in the same object or array.
    private var needsComma = false

    /// Starts empty, with room for `capacity` bytes.
    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    /// Writes `{ ... }` with the members `body` writes.
    public mutating func object(_ body: (inout JSONOutput) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
        body(&self)
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Writes `[ ... ]` with one element per item.
    public mutating func array<Items: Sequence>(_ items: Items, _ element: (inout JSONOutput, Items.Element) -> Void) {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
        for item in items { element(&self, item) }
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes a dictionary as an object, keys in order so the same content is always the same text.
    public mutating func object<Value>(sorted dictionary: [String: Value], _ value: (inout JSONOutput, Value) -> Void) {
        object { json in
            for (key, entry) in dictionary.sorted(by: { $0.key < $1.key }) {
                json.key(key)
                value(&json, entry)
            }
        }
    }

    /// Writes a member's key; its value follows.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        needsComma = false
    }

    /// Writes a member key given at run time (dictionary keys).
    public mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a string, escaped as RFC 8259 requires.
    public mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { string(utf8: $0) }
    }

    /// Writes a string given as UTF-8 bytes, escaped as RFC 8259 requires.
    public mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        // Copy runs that need no escaping in one go; most strings are one such run.
        var runStart = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            appendEscape(byte)
            runStart = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        bytes.append(UInt8(ascii: "\""))
        needsComma = true
    }

    private mutating func appendEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), byte])
        case 0x0A: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case 0x0D: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case 0x09: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }

    /// A string, or `null`.
    public mutating func string(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    /// Writes `true` or `false`.
    public mutating func bool(_ value: Bool) {
        raw(value ? "true" : "false")
    }

    /// Writes a number already in JSON's number syntax.
    public mutating func numberLiteral(_ number: String) {
        separate()
        bytes.append(contentsOf: number.utf8)
        needsComma = true
    }

    /// Writes a number as the shortest text that reads back as the same double; a whole one below 10^15 without a
    /// fraction. JSON has no infinity or NaN: `JSONParser` never reads one, and one computed is written as null.
    public mutating func number(_ value: Double) {
        guard value.isFinite else { return null() }
        if value == value.rounded(), abs(value) < 1e15 { return integer(Int(value)) }
        numberLiteral("\(value)")
    }

    /// Writes a whole number.
    public mutating func integer(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    /// Writes any JSON value as it was read: a whole number without a fraction, objects with sorted keys.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case let .bool(flag): bool(flag)
        case let .string(text): string(text)
        case let .number(number): self.number(number)
        case let .array(items): array(items) { json, item in json.value(item) }
        case let .object(members): object(sorted: members) { json, member in json.value(member) }
        }
    }

    /// Writes a value that is JSON text already (one rendered earlier with `JSONWritable.jsonBytes`).
    public mutating func json(_ rendered: [UInt8]) {
        separate()
        bytes.append(contentsOf: rendered)
        needsComma = true
    }

    /// Writes `null`.
    public mutating func null() {
        raw("null")
    }

    private mutating func raw(_ literal: StaticString) {
        separate()
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
        needsComma = true
    }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }
}
