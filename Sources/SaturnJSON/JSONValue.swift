/// A parsed JSON document that keeps every value's kind, so validation can name the exact path of a problem.
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses UTF-8 JSON text (RFC 8259, strictly, with `JSONParser`'s rule of what a number is); throws
    /// `JSONSyntaxError` naming the byte offset of the problem, and the path of a value past a limit.
    public static func parse(_ bytes: [UInt8], maximumDepth: Int = JSONParser.maximumDepth) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, maximumDepth: maximumDepth)
        return try parser.parseDocument()
    }

    /// A short name of the value's kind, as used in validation messages.
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

extension JSONValue: JSONWritable {
    /// Writes the value back as JSON, object members in key order.
    public func write(to output: inout JSONOutput) {
        output.value(self)
    }
}
