import SaturnDomain
import SaturnJSON

/// A secret as the store keeps it: with its value, which only the store's own files hold.
extension Secret {
    func writeStoredMembers(to json: inout JSONOutput) {
        writeStoredSharing(to: &json)
        json.key("value")
        json.string(value)
    }

    static func readStored(_ stored: StoredObject, id: String) throws(JSONSyntaxError) -> Secret {
        Secret(id: id, name: try stored.string("name"), owner: try stored.owner("owner"), createdAt: try stored.time("created_at"),
               access: try stored.choice("access", as: AccessLevel.self), value: try stored.string("value"))
    }
}
