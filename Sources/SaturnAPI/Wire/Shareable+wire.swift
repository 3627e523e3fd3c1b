import SaturnDomain
import SaturnJSON

extension Shareable {
    /// The members Saturn's `SharedFolder`, `Secret` and `ExternalRepo` begin with: `id`, `name`, `owner` (as
    /// `WireOwner` writes it) and `created_at`.
    func writeWireIdentity(directory: IdentityDirectory, to json: inout JSONOutput) {
        json.key("id")
        json.string(id)
        json.key("name")
        json.string(name)
        json.key("owner")
        WireOwner(owner: owner, directory: directory).write(to: &json)
        json.key("created_at")
        json.string(SaturnTime.format(createdAt))
    }
}
