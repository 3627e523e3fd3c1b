/// What `PATCH /api/orgs/{org_id}` (Saturn's `OrgUpdate`) changes; a nil field is left as it is.
public struct OrgEdit: Sendable {
    public var email: String?
    public var description: String?
    public var websiteURL: String?
    public var logoImageURL: String?
    public var limitsID: String?
    public var locked: Bool?

    /// No change.
    public init() {}
}
