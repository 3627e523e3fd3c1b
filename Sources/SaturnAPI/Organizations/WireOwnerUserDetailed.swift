import SaturnDomain
import SaturnJSON

/// Saturn's `OwnerUserDetailed`: a user's membership of an org, with the org and the user whole.
struct WireOwnerUserDetailed: JSONWritable {
    let membership: OrgMembership
    let directory: IdentityDirectory

    func write(to output: inout JSONOutput) {
        let owner = OwnerPath(org: membership.org.name, identity: membership.user.username)
        output.object { json in
            json.key("id")
            json.string(membership.user.id)
            json.key("name")
            json.string(owner.description)
            json.key("identity_name")
            json.string(membership.user.username)
            json.key("org_name")
            json.string(membership.org.name)
            json.key("created_at")
            json.string(membership.user.createdAt)
            json.key("org_admin")
            json.bool(membership.role == .admin)
            json.key("org_id")
            json.string(membership.org.id)
            json.key("user_id")
            json.string(membership.user.id)
            json.key("identity_type")
            json.string("user")
            json.key("avatar_url")
            json.string("")
            json.key("limits_id")
            json.string(membership.user.limitsID)
            json.key("org")
            WireOrg(org: membership.org, isDefault: membership.user.defaultOrg == membership.org.name).write(to: &json)
            json.key("user")
            WireUser(user: membership.user, directory: directory).write(to: &json)
        }
    }
}
