import SaturnJSON

/// The one rule for which names hold secrets, in bodies and query strings alike, and which bodies are secrets
/// themselves: the request journal shows their values as "[redacted]".
enum SecretName {
    private static let markers = ["token", "secret", "password", "passwd", "credential", "api_key", "apikey", "authorization", "signature"].map { Array($0.utf8) }

    /// True when a member or parameter name speaks of a token, a secret, a password, a credential or a signature (a
    /// presigned URL's), in any case.
    /// Compared as ASCII bytes: `String.contains` searches through the regex engine, and this runs for every member
    /// of every body journaled.
    static func isSecret(_ name: String) -> Bool {
        let lowered = name.utf8.map { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) ? $0 | 0x20 : $0 }
        return markers.contains { marker in
            lowered.count >= marker.count && (0...(lowered.count - marker.count)).contains { start in
                lowered[start..<(start + marker.count)].elementsEqual(marker)
            }
        }
    }

    /// True when a path names secrets in one of its segments (`/api/secrets`, `/api/jobs/ID/secrets`): what is sent
    /// there is a secret, whose own `value` member holds it.
    static func isSecretPath(_ path: String) -> Bool {
        path.split(separator: "/").contains { isSecret(String($0)) }
    }

    /// A body sent to `path` with every member whose name is secret replaced by "[redacted]", at any depth, and the
    /// `value` of the body itself when the path names secrets (Saturn's `SecretCreate`, `SecretUpdate`).
    static func redacted(_ body: JSONValue, sentTo path: String) -> JSONValue {
        redacted(body, holdsSecret: isSecretPath(path))
    }

    /// `holdsSecret`: the value is a secret, so its `value` member is the secret's value.
    private static func redacted(_ value: JSONValue, holdsSecret: Bool) -> JSONValue {
        switch value {
        case let .object(members):
            return .object(Dictionary(uniqueKeysWithValues: members.map { key, member in
                (key, isSecret(key) || (holdsSecret && key == "value") ? .string("[redacted]") : redacted(member, holdsSecret: false))
            }))
        case let .array(items):
            return .array(items.map { redacted($0, holdsSecret: false) })
        default:
            return value
        }
    }
}
