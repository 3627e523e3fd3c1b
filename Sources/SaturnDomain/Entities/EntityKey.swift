/// What names an entity: its family and its id, unique together.
public struct EntityKey: Hashable, Sendable, Comparable {
    public let family: EntityFamily
    public let id: String

    /// Creates a key.
    public init(_ family: EntityFamily, _ id: String) {
        self.family = family
        self.id = id
    }

    public static func < (lhs: EntityKey, rhs: EntityKey) -> Bool {
        (lhs.family, lhs.id) < (rhs.family, rhs.id)
    }
}
