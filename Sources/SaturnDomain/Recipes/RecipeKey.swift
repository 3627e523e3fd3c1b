import Glibc

/// What identifies a recipe and orders listings: type, then owner, then name.
public struct RecipeKey: Hashable, Comparable, Sendable {
    public let type: RecipeType
    public let owner: OwnerPath
    public let name: String

    /// By type, then owner (org, then identity), then name. Compares the parts as they are: building the
    /// `org/identity` text for each comparison made sorting the store at start the slowest thing it did.
    public static func < (lhs: RecipeKey, rhs: RecipeKey) -> Bool {
        (lhs.type, lhs.owner.org, lhs.owner.identity, lhs.name) < (rhs.type, rhs.owner.org, rhs.owner.identity, rhs.name)
    }

    /// Hashes the name and type only: equal keys still hash equally, and keys that differ only by owner are few.
    /// Hashing all four fields was a tenth of the start-up with 100,000 recipes.
    public func hash(into hasher: inout Hasher) {
        Self.combine(name: name, type: type, into: &hasher)
    }

    /// The `hashValue` of a key of this name and type, without making the key.
    static func hash(name: String, type: RecipeType) -> Int {
        var hasher = Hasher()
        combine(name: name, type: type, into: &hasher)
        return hasher.finalize()
    }

    private static func combine(name: String, type: RecipeType, into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(type)
    }

    private static let separator: Character = "\u{1F}"

    /// An opaque page cursor that points at this key.
    public var cursorToken: String {
        PageCursor.encode(["v1", type.rawValue, owner.description, name].joined(separator: String(Self.separator)))
    }

    /// Reads a cursor made by `cursorToken`; nil for anything else.
    public init?(cursorToken: String) {
        guard let plain = PageCursor.decode(cursorToken) else { return nil }
        let parts = plain.split(separator: Self.separator, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, parts[0] == "v1",
              let ownerParts = OwnerPath.parts(of: parts[2]), let org = ownerParts.org, let identity = ownerParts.identity
        else { return nil }
        guard let type = RecipeType(rawValue: parts[1]) else { return nil }
        self.init(type: type, owner: OwnerPath(org: org, identity: identity), name: parts[3])
    }

    /// Creates a key.
    public init(type: RecipeType, owner: OwnerPath, name: String) {
        self.type = type
        self.owner = owner
        self.name = name
    }
}
