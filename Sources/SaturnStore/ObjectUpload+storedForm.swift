import SaturnDomain
import SaturnJSON

/// How an upload in progress is stored among the entities: where it goes, its sizes and times, what it copies, and
/// the blob of each part received (`"parts": [{"number", "blob", "size"}]`, by number).
extension ObjectUpload {
    func writeStoredMembers(to json: inout JSONOutput) {
        json.key("owner")
        json.string(owner.description)
        json.key("path")
        json.string(path)
        json.key("size")
        if let size { json.integer(size) } else { json.null() }
        json.key("part_size")
        json.integer(partSize)
        json.key("created_at")
        json.string(UTCTimestamp.format(createdAt))
        json.key("expires_at")
        json.string(UTCTimestamp.format(expiresAt))
        json.key("copy_source")
        if let copySource {
            json.object { json in
                json.key("owner")
                json.string(copySource.owner.description)
                json.key("path")
                json.string(copySource.path)
                copySource.blob.writeStoredMembers(to: &json)
            }
        } else {
            json.null()
        }
        json.key("parts")
        json.array(parts.sorted { $0.key < $1.key }) { json, part in
            json.object { json in
                json.key("number")
                json.integer(part.key)
                part.value.writeStoredMembers(to: &json)
            }
        }
    }

    static func readStored(_ stored: StoredObject, id: String) throws(JSONSyntaxError) -> ObjectUpload {
        var copySource: ObjectCopySource?
        if stored.members["copy_source"] != .null {
            let source = try stored.object("copy_source")
            copySource = ObjectCopySource(owner: try source.owner("owner"), path: try source.string("path"), blob: try Blob.readStored(source))
        }
        var parts: [Int: Blob] = [:]
        for part in try stored.objects("parts") { parts[try part.integer("number")] = try Blob.readStored(part) }
        return ObjectUpload(
            id: id, owner: try stored.owner("owner"), path: try stored.string("path"),
            size: stored.members["size"] == .null ? nil : try stored.integer("size"), partSize: try stored.integer("part_size"),
            createdAt: try stored.time("created_at"), expiresAt: try stored.time("expires_at"), copySource: copySource, parts: parts
        )
    }
}
