import FoundationEssentials
import SaturnDomain
import SaturnJSON

/// A stored object read whole (an entity's few fields): its members by name, each read with a failure that names
/// the field, at the parser's position.
struct StoredObject {
    let members: [String: JSONValue]
    let parser: JSONParser
    let what: String

    /// Reads the object at the parser's position; `what` names it in failures ("a stored shared folder").
    init(_ parser: inout JSONParser, what: String) throws(JSONSyntaxError) {
        guard case let .object(members) = try parser.readValue() else { throw parser.failure("\(what) is not an object") }
        self.members = members
        self.parser = parser
        self.what = what
    }

    private func missing(_ key: String) -> JSONSyntaxError {
        parser.failure("\(what) lacks its \(key)")
    }

    func string(_ key: String) throws(JSONSyntaxError) -> String {
        guard case let .string(text)? = members[key] else { throw missing(key) }
        return text
    }

    /// A string, or nil for null or absent.
    func optionalString(_ key: String) throws(JSONSyntaxError) -> String? {
        switch members[key] {
        case nil, .null?: return nil
        case let .string(text)?: return text
        default: throw missing(key)
        }
    }

    func bool(_ key: String) throws(JSONSyntaxError) -> Bool {
        guard case let .bool(flag)? = members[key] else { throw missing(key) }
        return flag
    }

    func integer(_ key: String) throws(JSONSyntaxError) -> Int {
        guard case let .number(number)? = members[key], let whole = Int(exactly: number) else { throw missing(key) }
        return whole
    }

    func time(_ key: String) throws(JSONSyntaxError) -> Date {
        guard let date = UTCTimestamp.parse(try string(key)) else { throw parser.failure("\(what)'s \(key) is not \(UTCTimestamp.expectation)") }
        return date
    }

    func owner(_ key: String) throws(JSONSyntaxError) -> OwnerPath {
        guard let parts = OwnerPath.parts(of: try string(key)), let org = parts.org, let identity = parts.identity else { throw missing(key) }
        return OwnerPath(org: org, identity: identity)
    }

    /// A value of a closed set of raw values.
    func choice<Choice: RawRepresentable>(_ key: String, as: Choice.Type) throws(JSONSyntaxError) -> Choice where Choice.RawValue == String {
        guard let choice = Choice(rawValue: try string(key)) else { throw missing(key) }
        return choice
    }

    /// An optional list of strings; null or absent is nil.
    func strings(_ key: String) throws(JSONSyntaxError) -> [String]? {
        switch members[key] {
        case nil, .null?: return nil
        case let .array(items)?:
            var texts: [String] = []
            for item in items {
                guard case let .string(text) = item else { throw missing(key) }
                texts.append(text)
            }
            return texts
        default: throw missing(key)
        }
    }

    /// A list of nested objects, each read the same way.
    func objects(_ key: String) throws(JSONSyntaxError) -> [StoredObject] {
        guard case let .array(items)? = members[key] else { throw missing(key) }
        var objects: [StoredObject] = []
        for (index, item) in items.enumerated() {
            guard case let .object(members) = item else { throw missing("\(key)[\(index)]") }
            objects.append(StoredObject(members: members, parser: parser, what: "\(what)'s \(key)[\(index)]"))
        }
        return objects
    }

    /// A nested object read the same way.
    func object(_ key: String) throws(JSONSyntaxError) -> StoredObject {
        guard case let .object(members)? = members[key] else { throw missing(key) }
        return StoredObject(members: members, parser: parser, what: "\(what)'s \(key)")
    }

    private init(members: [String: JSONValue], parser: JSONParser, what: String) {
        self.members = members
        self.parser = parser
        self.what = what
    }
}
