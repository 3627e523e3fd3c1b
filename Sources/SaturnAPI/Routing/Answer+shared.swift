import MicroHTTP
import SaturnDomain
import SaturnJSON

/// What the writes of things owners share (shared folders, secrets, repositories) answer once they are durable,
/// and what the request journal records of them.
extension Answer {
    /// `status` with the item as `wire` writes it.
    static func written<Item: Shareable>(_ committed: Committed<Item>, status: Int, action: String, as wire: (Item) -> some JSONWritable) -> Answer {
        .whenDurable(committed.commit, success: JSONResponse.make(status, wire(committed.value)), changes: [change(committed.value, action: action)])
    }

    /// 204, for a deletion.
    static func deleted<Item: Shareable>(_ committed: Committed<Item>) -> Answer {
        .whenDurable(committed.commit, success: JSONResponse.noContent(), changes: [change(committed.value, action: "deleted")])
    }

    private static func change<Item: Shareable>(_ item: Item, action: String) -> RecordedChange {
        .of(Item.family, id: item.id, owner: item.owner.description, name: item.name, action: action)
    }
}
