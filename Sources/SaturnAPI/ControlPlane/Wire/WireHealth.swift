import FoundationEssentials
import SaturnDomain
import SaturnJSON

struct WireHealth: JSONWritable {
    let store: StoreHealth
    let location: String
    let now: Date
    let tenants: Int
    let served: ServedTenant

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("status")
            json.string(store.writable ? "ok" : "store_cannot_write")
            json.key("store")
            json.object { json in
                json.key("kind")
                json.string(store.kind)
                json.key("location")
                json.string(location)
                json.key("writable")
                json.bool(store.writable)
                json.key("journal_bytes")
                json.integer(store.journalBytes)
                json.key("last_sync")
                json.string(store.lastSync.map(UTCTimestamp.format))
                json.key("snapshot_age_seconds")
                if let written = store.snapshotWritten { json.integer(Int(now.timeIntervalSince(written))) } else { json.null() }
            }
            json.key("tenants")
            json.integer(tenants)
            json.key("tenant")
            json.object { json in
                json.key("name")
                json.string(served.tenant.name)
                json.key("recipes")
                json.integer(served.tenant.count)
                json.key("journaled_requests")
                json.integer(served.journal.entries(matching: RequestJournal.Filter()).count)
                json.key("fault_rules")
                json.integer(served.faults.all.count)
            }
        }
    }
}
