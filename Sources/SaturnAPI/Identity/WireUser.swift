import SaturnDomain
import SaturnJSON

/// `UserDetailed`: the seed's user, and the fields Saturn requires that the mock has no use for. `admin` is whether
/// it administers the installation (an admin of the primary org).
struct WireUser: JSONWritable {
    let user: User
    let directory: IdentityDirectory

    func write(to output: inout JSONOutput) {
        output.object { json in
            WireUserSummary(user: user).writeMembers(to: &json)
            json.key("created_at")
            json.string(user.createdAt)
            json.key("full_name")
            json.string(user.fullName)
            json.key("email")
            json.string(user.email)
            json.key("admin")
            json.bool(directory.administersInstallation(user))
            json.key("locked")
            json.bool(user.locked)
            json.key("locked_reason")
            json.string("")
            json.key("is_multiple_ssh_keys")
            json.bool(false)
            json.key("active")
            json.bool(true)
        }
    }
}
