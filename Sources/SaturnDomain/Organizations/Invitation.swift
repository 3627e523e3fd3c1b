import FoundationEssentials

/// An invitation to join an org (`POST /api/orgs/{org_id}/invitations`). The mock sends no email; the invitation is
/// kept, `pending`, for a test to see.
public struct Invitation: Sendable, Equatable {
    public let id: String
    public let orgID: String
    public let email: String
    public let inviteeName: String?
    public let invitorName: String?
    /// The user who sent it.
    public let invitorID: String
    public let createdAt: Date
    /// Whether an email would have been sent (`?send_email=`).
    public let sendEmail: Bool

    /// Creates an invitation.
    public init(id: String, orgID: String, email: String, inviteeName: String?, invitorName: String?, invitorID: String, createdAt: Date, sendEmail: Bool) {
        self.id = id
        self.orgID = orgID
        self.email = email
        self.inviteeName = inviteeName
        self.invitorName = invitorName
        self.invitorID = invitorID
        self.createdAt = createdAt
        self.sendEmail = sendEmail
    }
}
