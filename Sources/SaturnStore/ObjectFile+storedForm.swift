import SaturnDomain
import SaturnJSON

/// How a file of object storage is stored among the entities: its owner, path, blob and times; never its bytes.
extension ObjectFile {
    func writeStoredMembers(to json: inout JSONOutput) {
        json.key("owner")
        json.string(owner.description)
        json.key("path")
        json.string(path)
        blob.writeStoredMembers(to: &json)
        json.key("created_at")
        json.string(UTCTimestamp.format(createdAt))
        json.key("updated_at")
        json.string(UTCTimestamp.format(updatedAt))
    }

    static func readStored(_ stored: StoredObject) throws(JSONSyntaxError) -> ObjectFile {
        ObjectFile(
            owner: try stored.owner("owner"), path: try stored.string("path"), blob: try Blob.readStored(stored),
            createdAt: try stored.time("created_at"), updatedAt: try stored.time("updated_at")
        )
    }
}

extension Blob {
    /// `"blob"` and `"size"`, among the members of what holds it.
    func writeStoredMembers(to json: inout JSONOutput) {
        json.key("blob")
        json.string(id)
        json.key("size")
        json.integer(size)
    }

    static func readStored(_ stored: StoredObject) throws(JSONSyntaxError) -> Blob {
        Blob(id: try stored.string("blob"), size: try stored.integer("size"))
    }
}
