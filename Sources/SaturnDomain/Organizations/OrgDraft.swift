/// What `POST /api/orgs` (Saturn's `OrgCreate`) gives, after validation.
public struct OrgDraft: Sendable {
    public var name: String
    public var email: String
    public var description: String?
    public var websiteURL: String?
    public var logoImageURL: String?

    /// A draft of an org with its name and email.
    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}
