import SaturnDomain
import SaturnJSON

/// An external repository as the store keeps it; its name is derived from the URL.
extension ExternalRepo {
    func writeStoredMembers(to json: inout JSONOutput) {
        json.key("owner")
        json.string(owner.description)
        json.key("created_at")
        json.string(UTCTimestamp.format(createdAt))
        json.key("remote_url")
        json.string(remoteURL)
        json.key("ssh_privatekey_id")
        json.string(sshKeyID)
    }

    static func readStored(_ stored: StoredObject, id: String) throws(JSONSyntaxError) -> ExternalRepo {
        ExternalRepo(id: id, owner: try stored.owner("owner"), createdAt: try stored.time("created_at"), remoteURL: try stored.string("remote_url"),
                     sshKeyID: try stored.optionalString("ssh_privatekey_id"))
    }
}
