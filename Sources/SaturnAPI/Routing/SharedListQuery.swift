import SaturnDomain

/// What the lists of things owners share by name read (`GET /api/shared_folders`, `GET /api/secrets`): one owner
/// selector (`owner`, `owner_name`, `owner_id`, `user_id`, `group_id`, `org_id`), `name` (a part of it) and
/// `access`; pages by owner and name.
struct SharedListQuery {
    /// The owner selector, for the view to narrow its list by.
    let owner: OwnerReference?
    private let name: String?
    private let access: AccessLevel?

    /// Reads the query; problems are recorded in `reader`.
    init(_ reader: inout QueryReader) {
        owner = reader.owner()
        name = reader.value("name")
        access = reader.choice("access", as: AccessLevel.self)
    }

    /// The page the query asks for of `items`, the ones the view found for `owner`.
    func page<Item: Shareable>(_ items: [Item], reader: inout QueryReader) -> KeyedPage<Item> {
        let shown = items.filter { item in (name.map { item.name.contains($0) } ?? true) && (access.map { item.access == $0 } ?? true) }
        return KeyedPage(shown, key: { "\($0.owner)/\($0.name)" }, reader: &reader)
    }
}
