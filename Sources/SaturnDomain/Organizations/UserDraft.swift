/// What `POST /api/users` (Saturn's `UserAdminCreate`) gives, after validation.
public struct UserDraft: Sendable {
    public var username: String
    public var email: String
    public var fullName: String?
    /// Whether the user administers the installation: an admin of the primary org.
    public var admin = false
    public var locked = false
    public var limitsID: String?

    /// A draft of a user with its username and email.
    public init(username: String, email: String) {
        self.username = username
        self.email = email
    }
}
