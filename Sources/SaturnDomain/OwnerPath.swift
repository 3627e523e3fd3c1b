/// An owner written `"<org>/<identity>"` (Saturn's OwnerByPath): an org, and a user, group or the org itself in it.
public struct OwnerPath: Hashable, Sendable, CustomStringConvertible {
    /// The org's name.
    public let org: String
    /// The user's, group's or org's name inside the org.
    public let identity: String

    /// Creates a path from two names that already follow the owner-name rule.
    public init(org: String, identity: String) {
        self.org = org
        self.identity = identity
    }

    /// The wire form, `org/identity`.
    public var description: String { "\(org)/\(identity)" }

    /// The parts of an owner reference string: `org/identity`, `org/` or `identity`; nil parts were left out.
    public struct Parts: Equatable, Sendable {
        public let org: String?
        public let identity: String?
    }

    /// Splits an owner reference string; nil when it does not match OwnerByPath.
    public static func parts(of text: String) -> Parts? {
        guard let slash = text.utf8.firstIndex(of: UInt8(ascii: "/")) else {
            return OwnerName.isValid(text) ? Parts(org: nil, identity: text) : nil
        }
        let org = String(Substring(text.utf8[..<slash]))
        let identity = String(Substring(text.utf8[text.utf8.index(after: slash)...]))
        guard OwnerName.isValid(org) else { return nil }
        if identity.isEmpty { return Parts(org: org, identity: nil) }
        // A second slash makes the identity invalid.
        return OwnerName.isValid(identity) ? Parts(org: org, identity: identity) : nil
    }
}

/// The naming rule shared by orgs, users and groups.
public enum OwnerName {
    /// The rule in words, for error messages.
    public static let rule = "lowercase letters, digits and single inner hyphens, at most \(FieldLimits.ownerName) characters"

    /// True for names of lowercase ASCII letters and digits with single hyphens between them, 1 to
    /// `FieldLimits.ownerName` long.
    public static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...FieldLimits.ownerName).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else {
            return false
        }
        var previousWasHyphen = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-") where !previousWasHyphen:
                previousWasHyphen = true
            default:
                return false
            }
        }
        return true
    }
}
