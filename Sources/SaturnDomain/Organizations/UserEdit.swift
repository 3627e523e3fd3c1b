/// What `PATCH /api/users/{user_id}` (Saturn's `UserUpdate`) changes; a nil field is left as it is.
public struct UserEdit: Sendable {
    public var email: String?
    public var fullName: String?
    public var locked: Bool?
    public var limitsID: String?

    /// No change.
    public init() {}
}
