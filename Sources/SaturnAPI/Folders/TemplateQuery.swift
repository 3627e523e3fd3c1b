import SaturnDomain

/// The `q` of `GET /api/resource_templates` as saturn-client's `list_resource_templates` writes it: space-separated
/// `key:"value"` terms (a value without spaces may go unquoted), the keys `owner`, `name`, `access` and
/// `resource_type`.
enum TemplateQuery {
    static let keys = ["owner", "name", "access", "resource_type"]

    /// The terms by key, or a problem naming what is wrong.
    static func parse(_ text: String) -> Result<[String: String], DomainError> {
        var terms: [String: String] = [:]
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0 == " " }
            guard !rest.isEmpty else { return .success(terms) }
            guard let colon = rest.firstIndex(of: ":") else { return .failure(problem("'\(rest)' is not a key:\"value\" term")) }
            let key = String(rest[..<colon])
            guard keys.contains(key) else { return .failure(problem("unknown key '\(key)' (known: \(keys.joined(separator: ", ")))")) }
            rest = rest[rest.index(after: colon)...]
            let value: Substring
            if rest.first == "\"" {
                let body = rest.dropFirst()
                guard let close = body.firstIndex(of: "\"") else { return .failure(problem("the value of '\(key)' has no closing quote")) }
                value = body[..<close]
                rest = body[body.index(after: close)...]
            } else {
                value = rest.prefix { $0 != " " }
                rest = rest.dropFirst(value.count)
            }
            guard terms[key] == nil else { return .failure(problem("'\(key)' is given twice")) }
            terms[key] = String(value)
        }
    }

    private static func problem(_ text: String) -> DomainError {
        .invalid(at: "q", text)
    }
}
