import SaturnDomain
import SaturnJSON

/// Saturn's `Secret`: what a secret is called and who sees it, never its value; `editable` when the caller may
/// change it.
struct WireSecret: JSONWritable {
    let secret: Secret
    let directory: IdentityDirectory
    let caller: User

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("id")
            json.string(secret.id)
            json.key("name")
            json.string(secret.name)
            json.key("owner")
            WireOwner(owner: secret.owner, directory: directory).write(to: &json)
            json.key("created_at")
            json.string(SaturnTime.format(secret.createdAt))
            json.key("access")
            json.string(secret.access.rawValue)
            json.key("editable")
            json.bool(Permission.mayChange(secret.owner, caller: caller))
        }
    }
}
