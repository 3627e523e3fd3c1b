/// What `PATCH /api/users/{user_id}` (Saturn's `UserUpdate`) changes; a nil field is left as it is.
public struct UserEdit: Sendable {
    /// The user's own username is accepted; another is refused.
    public var username: String?
    public var email: String?
    public var fullName: String?
    public var locked: Bool?
    /// A limit of one of the user's orgs, or `.some(nil)` for none.
    public var limitsID: String??

    /// No change.
    public init() {}
}
