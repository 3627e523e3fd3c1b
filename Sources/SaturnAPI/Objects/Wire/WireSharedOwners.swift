import SaturnDomain
import SaturnJSON

/// `ObjectStorageSharedOwnerList`: the owners whose shared storage the caller reads, with their file counts.
struct WireSharedOwners: JSONWritable {
    let owners: [(owner: OwnerPath, orgID: String, count: Int)]

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("owners")
            json.array(owners) { json, shared in
                json.object { json in
                    json.key("id")
                    json.string(shared.orgID)
                    json.key("name")
                    json.string(shared.owner.description)
                    json.key("count")
                    json.integer(shared.count)
                }
            }
            json.key("next_last_key")
            json.null()
        }
    }
}
