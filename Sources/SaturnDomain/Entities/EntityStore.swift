/// A tenant's entities by key. A value: the store before a commit is kept, cheaply, to undo it.
public struct EntityStore: Sendable, Equatable {
    private var byKey: [EntityKey: Entity] = [:]

    /// Holds `entities`, the last of a key winning.
    public init(_ entities: [Entity] = []) {
        for entity in entities { byKey[entity.key] = entity }
    }

    /// How many it holds.
    public var count: Int { byKey.count }

    /// The entity of a key.
    public subscript(key: EntityKey) -> Entity? { byKey[key] }

    /// The entity of the org or user of this name (ids are made of names): a record, a tombstone, or nil when the API
    /// never touched it.
    public func identity(_ family: EntityFamily, named name: String) -> Entity? {
        byKey[EntityKey(family, StableID.make(kind: family.rawValue, name: name))]
    }

    /// Every entity of a family, by id.
    public func all(_ family: EntityFamily) -> [Entity] {
        byKey.filter { $0.key.family == family }.sorted { $0.key < $1.key }.map(\.value)
    }

    /// Every entity, by family and id: what is saved.
    public var sorted: [Entity] { byKey.sorted { $0.key < $1.key }.map(\.value) }

    /// Stores an entity; returns what it replaced.
    @discardableResult
    public mutating func put(_ entity: Entity) -> Entity? {
        byKey.updateValue(entity, forKey: entity.key)
    }

    /// Removes an entity; returns it.
    @discardableResult
    public mutating func remove(_ key: EntityKey) -> Entity? {
        byKey.removeValue(forKey: key)
    }

    /// Puts back what a key held: an entity, or nothing.
    mutating func restore(_ key: EntityKey, to previous: Entity?) {
        if let previous { put(previous) } else { remove(key) }
    }
}
