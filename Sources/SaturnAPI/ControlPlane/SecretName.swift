import SaturnJSON

/// The one rule for which names hold secrets, in bodies and query strings alike: the request journal shows their
/// values as "[redacted]".
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
