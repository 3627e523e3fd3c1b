import MicroHTTP
import SaturnDomain

/// Reads query arguments as Python clients send them, recording a problem per bad parameter.
struct QueryReader {
    let request: HTTPRequest
    var issues = ValidationIssues()

    static let ownerParameters = ["owner", "owner_name", "owner_id", "user_id", "group_id", "org_id"]

    init(_ request: HTTPRequest) {
        self.request = request
    }

    /// A non-empty value; empty ones count as not given.
    func value(_ name: String) -> String? {
        request.queryValue(name).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `True`/`true`/`1` and `False`/`false`/`0`, in any case.
    mutating func bool(_ name: String, default fallback: Bool = false) -> Bool {
        guard let text = value(name) else { return fallback }
        switch text.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default:
            issues.add(name, "must be true or false (True/False and 1/0 are read too), not '\(text)'")
            return fallback
        }
    }

    mutating func integer(_ name: String, in range: ClosedRange<Int>, default fallback: Int) -> Int {
        guard let text = value(name) else { return fallback }
        guard let number = Int(text), range.contains(number) else {
            issues.add(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
            return fallback
        }
        return number
    }

    mutating func oneOf(_ name: String, _ allowed: [String]) -> String? {
        guard let text = value(name) else { return nil }
        guard allowed.contains(text) else {
            issues.add(name, "must be one of \(allowed.joined(separator: ", ")), not '\(text)'")
            return nil
        }
        return text
    }

    /// A value of `Value`'s cases, by its raw value.
    mutating func choice<Value: RawRepresentable & CaseIterable>(_ name: String, as _: Value.Type) -> Value? where Value.RawValue == String {
        oneOf(name, Value.allCases.map(\.rawValue)).flatMap(Value.init(rawValue:))
    }

    /// At most one owner selector: `owner`/`owner_name` (org/identity, `/` plain or as %2F), `owner_id`, `user_id`, `group_id`, `org_id`.
    mutating func owner() -> OwnerReference? {
        let given = Self.ownerParameters.compactMap { name in value(name).map { (name, $0) } }
        guard given.count <= 1 else {
            issues.add(given[1].0, "give only one of \(Self.ownerParameters.joined(separator: ", "))")
            return nil
        }
        guard let (name, text) = given.first else { return nil }
        switch name {
        case "owner_id": return .id(text)
        case "user_id": return .userID(text)
        case "group_id": return .groupID(text)
        case "org_id": return .orgID(text)
        default:
            guard OwnerPath.parts(of: text) != nil else {
                issues.add(name, "'\(text)' is not an owner of the form org/identity (\(OwnerName.rule))")
                return nil
            }
            return .path(text)
        }
    }

    /// `page_size`, `next_key` or `prev_key`, and `descending`, as every recipe listing reads them.
    mutating func page(into query: inout RecipeListQuery) {
        query.pageSize = integer("page_size", in: 1...1000, default: 100)
        query.after = cursor("next_key")
        query.before = cursor("prev_key")
        if query.after != nil && query.before != nil {
            issues.add("prev_key", "give next_key or prev_key, not both")
        }
        query.descending = bool("descending")
    }

    mutating func cursor(_ name: String) -> RecipeKey? {
        guard let text = value(name) else { return nil }
        guard let key = RecipeKey(cursorToken: text) else {
            issues.add(name, "is not a page key this server issued; pass back next_key or prev_key unchanged")
            return nil
        }
        return key
    }

    /// Throws the collected problems as one 422.
    func finish() throws(DomainError) {
        try issues.throwIfAny()
    }
}
