import SaturnJSON

/// The one rule for which names hold secrets, in bodies and query strings alike, and which bodies are secrets
/// themselves: the request journal shows their values as "[redacted]".
enum SecretName {
    private static let markers = ["token", "secret", "password", "passwd", "credential", "api_key", "apikey", "authorization", "signature"].map { Array($0.utf8) }

    /// True when a member or parameter name speaks of a token, a secret, a password, a credential or a signature (a
    /// presigned URL's), in any case.
    /// Compared as ASCII bytes in place: `String.contains` searches through the regex engine, and this runs for every
    /// member of every body journaled.
    static func isSecret(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { bytes in
            markers.contains { marker in
                bytes.count >= marker.count && (0...(bytes.count - marker.count)).contains { start in
                    marker.indices.allSatisfy { offset in lowercased(bytes[start + offset]) == marker[offset] }
                }
            }
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }

    /// True when a path names secrets in one of its segments (`/api/secrets`, `/api/jobs/ID/secrets`): what is sent
    /// there is a secret, whose own `value` member holds it.
    static func isSecretPath(_ path: String) -> Bool {
        path.split(separator: "/").contains { isSecret(String($0)) }
    }

    /// Writes a body sent to `path` with every member whose name is secret as "[redacted]", at any depth, and the
    /// `value` of the body itself when the path names secrets (Saturn's `SecretCreate`, `SecretUpdate`). Written as it
    /// is walked: the journal does this for every body, and a redacted copy of the value would cost more than the write.
    static func writeRedacted(_ body: JSONValue, sentTo path: String, to output: inout JSONOutput) {
        write(body, holdsSecret: isSecretPath(path), to: &output)
    }

    /// `holdsSecret`: the value is a secret, so its `value` member is the secret's value.
    private static func write(_ value: JSONValue, holdsSecret: Bool, to output: inout JSONOutput) {
        switch value {
        case let .object(members):
            // Keys sorted here rather than by JSONOutput's generic `object(sorted:)`, which this module cannot specialize.
            output.object { json in
                for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                    json.key(key)
                    if isSecret(key) || (holdsSecret && key == "value") {
                        json.string("[redacted]")
                    } else {
                        write(member, holdsSecret: false, to: &json)
                    }
                }
            }
        case let .array(items):
            output.array(items) { json, item in write(item, holdsSecret: false, to: &json) }
        default:
            output.value(value)
        }
    }
}
