/// What `PATCH /api/secrets/{id}` (Saturn's `SecretUpdate`) changes: each given field replaces the secret's.
public struct SecretEdit: Sendable {
    public var name: String?
    public var access: AccessLevel?
    public var value: String?

    /// No change.
    public init() {}
}
