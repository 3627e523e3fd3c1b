import SaturnDomain
import SaturnJSON

/// Saturn's `ServiceAccount`.
struct WireServiceAccount: JSONWritable {
    let account: ServiceAccount

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("id")
            json.string(account.id)
            json.key("created_at")
            json.string(SaturnTime.format(account.createdAt))
            json.key("name")
            json.string(account.name)
            json.key("cloud_role")
            json.string(account.cloudRole)
            json.key("auto_associate")
            json.bool(account.autoAssociate)
        }
    }
}
