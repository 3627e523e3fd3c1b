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
