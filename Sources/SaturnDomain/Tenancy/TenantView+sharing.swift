/// Who sees what an owner may share (`Shareable`): a caller, and the owner of a recipe that names it.
extension TenantView {
    /// Whether the caller sees it: its own, everything of an org it administers, what is shared with an org it
    /// belongs to.
    func sees(_ item: some Shareable, caller: User) -> Bool {
        let role = caller.role(in: item.owner.org)
        return item.owner.identity == caller.username || role == .admin || (role != nil && item.access == .org)
    }

    /// Whether a recipe of `owner` may name it: it is in the recipe's org, and the owner sees it as it would as a
    /// caller. An org that owns a recipe itself sees its own and what is shared with the org.
    func sees(_ item: some Shareable, asOwner owner: OwnerPath) -> Bool {
        guard item.owner.org == owner.org else { return false }
        guard let user = directory.user(named: owner.identity) else { return item.owner == owner || item.access == .org }
        return sees(item, caller: user)
    }

    /// What the caller sees of one family, by owner and name, narrowed to an owner selector when one is given: its
    /// org, and the identity in it when it names one.
    func shared<Item: Shareable>(_: Item.Type, ownedBy selector: OwnerReference?, caller: User) throws(DomainError) -> [Item] {
        var selected: ResolvedOwner?
        if let selector { selected = try directory.resolve(selector, for: caller, path: "owner") }
        return state.entities.all(Item.self).filter { item in
            guard sees(item, caller: caller) else { return false }
            guard let selected else { return true }
            return selected.org.name == item.owner.org && (selected.identity.map { $0 == item.owner.identity } ?? true)
        }.sorted { ($0.owner.description, $0.name) < ($1.owner.description, $1.name) }
    }

    /// The one of a family with this id, if the caller sees it.
    func shared<Item: Shareable>(_: Item.Type, id: String, caller: User) throws(DomainError) -> Item {
        guard let item = state.entities.one(Item.self, id: id), sees(item, caller: caller) else {
            throw .entityNotFound(family: Item.family, id: id)
        }
        return item
    }

    /// The owner's one of a family with this name, whoever asks.
    func shared<Item: Shareable>(_: Item.Type, owner: OwnerPath, named name: String) -> Item? {
        state.entities.all(Item.self).first { $0.owner == owner && $0.name == name }
    }
}
