/// The entities of a family of `Shareable` things, as their values.
extension EntityStore {
    /// Every one of the family, by id.
    func all<Item: Shareable>(_: Item.Type) -> [Item] {
        all(Item.family).compactMap(Item.held(in:))
    }

    /// The one with this id.
    func one<Item: Shareable>(_: Item.Type, id: String) -> Item? {
        self[EntityKey(Item.family, id)].flatMap(Item.held(in:))
    }
}
