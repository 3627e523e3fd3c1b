import SaturnJSON

/// The one rule for which names hold secrets, in bodies and query strings alike: the request journal shows their
/// values as "[redacted]".
enum SecretName {
    private static let markers = ["token", "secret", "password", "passwd", "credential", "api_key", "apikey", "authorization"]

    /// True when a member or parameter name speaks of a token, a secret, a password or a credential.
    static func isSecret(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return markers.contains { lowered.contains($0) }
    }

    /// The value with every member whose name is secret replaced by "[redacted]", at any depth.
    static func redacted(_ value: JSONValue) -> JSONValue {
        switch value {
        case let .object(members):
            return .object(Dictionary(uniqueKeysWithValues: members.map { key, member in
                (key, isSecret(key) ? .string("[redacted]") : redacted(member))
            }))
        case let .array(items):
            return .array(items.map(redacted))
        default:
            return value
        }
    }
}
