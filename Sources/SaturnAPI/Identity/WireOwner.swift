import SaturnDomain
import SaturnJSON

/// Saturn's `Owner`: an org and a user of it, or the org itself.
struct WireOwner: JSONWritable {
    let owner: OwnerPath
    let directory: IdentityDirectory

    func write(to output: inout JSONOutput) {
        let org = directory.org(named: owner.org)
        let user = owner.identity == owner.org ? nil : directory.user(named: owner.identity)
        output.object { json in
            json.key("id")
            json.string(user?.id ?? org?.id ?? "")
            json.key("name")
            json.string(owner.description)
            json.key("identity_name")
            json.string(owner.identity)
            json.key("org_name")
            json.string(owner.org)
            json.key("created_at")
            json.string(user?.createdAt ?? org?.createdAt ?? "")
            json.key("org_admin")
            json.bool(user.map { $0.role(in: owner.org) == .admin } ?? true)
            json.key("org_id")
            json.string(org?.id ?? "")
            json.key("user_id")
            json.string(user?.id)
            json.key("group_id")
            json.string(user == nil ? org?.id : nil)
            json.key("identity_type")
            json.string(user == nil ? "group" : "user")
            json.key("avatar_url")
            json.string("")
        }
    }
}
