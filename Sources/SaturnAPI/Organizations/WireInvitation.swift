import SaturnDomain
import SaturnJSON

/// Saturn's `OrgInvitation`. The mock sends no email: every invitation stays `pending`, without an expiry.
struct WireInvitation: JSONWritable {
    let invitation: Invitation
    let directory: IdentityDirectory

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("id")
            json.string(invitation.id)
            json.key("email")
            json.string(invitation.email)
            json.key("invitee_name")
            json.string(invitation.inviteeName)
            json.key("invitor")
            if let invitor = directory.user(id: invitation.invitorID) { WireUserSummary(user: invitor).write(to: &json) } else { json.null() }
            json.key("invitor_name")
            json.string(invitation.invitorName)
            json.key("org_id")
            json.string(invitation.orgID)
            json.key("org_name")
            json.string(directory.org(id: invitation.orgID)?.name ?? "")
            json.key("status")
            json.string("pending")
            json.key("expiration")
            json.null()
            json.key("created_at")
            json.string(SaturnTime.format(invitation.createdAt))
        }
    }
}
