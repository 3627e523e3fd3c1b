import SaturnDomain
import SaturnJSON

extension Shareable {
    /// The members every shared thing the store keeps by name begins with: its name, owner, creation and access.
    func writeStoredSharing(to json: inout JSONOutput) {
        json.key("name")
        json.string(name)
        json.key("owner")
        json.string(owner.description)
        json.key("created_at")
        json.string(UTCTimestamp.format(createdAt))
        json.key("access")
        json.string(access.rawValue)
    }
}
