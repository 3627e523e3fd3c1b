/// What `PATCH /api/orgs/{org_id}` (Saturn's `OrgUpdate`) changes; a nil field is left as it is.
public struct OrgEdit: Sendable {
    /// The org's own name is accepted (saturn-client sends it); another is refused.
    public var name: String?
    public var email: String?
    public var description: String?
    public var websiteURL: String?
    public var logoImageURL: String?
    /// A limit of the org's own, or `.some(nil)` for none.
    public var limitsID: String??
    public var locked: Bool?

    /// No change.
    public init() {}
}
