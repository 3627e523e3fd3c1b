import SaturnDomain
import SaturnJSON

/// One page of a list held in memory and ordered by a text key (pods by name, orgs, users, owners, folders, limits,
/// templates): `page_size`, `next_key` and `prev_key` (made of the key of the page's edge) and `descending` read as
/// every listing reads them.
struct KeyedPage<Item> {
    let items: [Item]
    let previousCursor: String?
    let nextCursor: String?

    /// The page of `all` the query asks for; problems with the query are recorded in `reader`.
    init(_ all: [Item], key: (Item) -> String, reader: inout QueryReader) {
        let pageSize = reader.integer("page_size", in: 1...1000, default: 100)
        let after = reader.textCursor("next_key")
        let before = reader.textCursor("prev_key")
        let descending = reader.bool("descending")
        if after != nil && before != nil { reader.issues.add("prev_key", "give next_key or prev_key, not both") }
        let ordered = all.sorted { descending ? key($0) > key($1) : key($0) < key($1) }
        let precedes = { (left: String, right: String) in descending ? left > right : left < right }
        let page: ArraySlice<Item>
        if let before {
            page = ordered.filter { precedes(key($0), before) }.suffix(pageSize)
        } else {
            page = ordered.filter { item in after.map { precedes($0, key(item)) } ?? true }.prefix(pageSize)
        }
        items = Array(page)
        previousCursor = page.first.flatMap { first in ordered.contains { precedes(key($0), key(first)) } ? PageCursor.encode(key(first)) : nil }
        nextCursor = page.last.flatMap { last in ordered.contains { precedes(key(last), key($0)) } ? PageCursor.encode(key(last)) : nil }
    }
}

extension KeyedPage {
    /// The page as Saturn's `*List` answer: each item as `wire` writes it, under `itemsKey`, and the page keys.
    func answer<Wire: JSONWritable>(_ itemsKey: StaticString, _ wire: (Item) -> Wire) -> Answer {
        .now(JSONResponse.make(200, WirePage(itemsKey: itemsKey, items: items.map(wire), prevKey: previousCursor, nextKey: nextCursor)))
    }
}
