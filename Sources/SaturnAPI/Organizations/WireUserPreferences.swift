import SaturnDomain
import SaturnJSON

/// Saturn's `UserPreferences`: the user's default org, and the user as an owner in it.
struct WireUserPreferences: JSONWritable {
    let user: User
    let directory: IdentityDirectory

    func write(to output: inout JSONOutput) {
        let org = directory.org(named: user.defaultOrg)
        output.object { json in
            json.key("default_org_id")
            json.string(org?.id ?? "")
            json.key("default_owner")
            if let org { WireOwnerUserDetailed(membership: OrgMembership(org: org, user: user), directory: directory).write(to: &json) } else { json.null() }
        }
    }
}
