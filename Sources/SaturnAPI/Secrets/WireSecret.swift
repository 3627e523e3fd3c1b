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
            secret.writeWireIdentity(directory: directory, to: &json)
            json.key("access")
            json.string(secret.access.rawValue)
            json.key("editable")
            json.bool(Permission.mayChange(secret.owner, caller: caller))
        }
    }
}
