/// What `POST /api/secrets` (Saturn's `SecretCreate`) gives, after validation.
public struct SecretDraft: Sendable {
    public var name: String
    /// `org/identity`; the caller in its default org when nil.
    public var owner: OwnerReference?
    public var access: AccessLevel
    public var value: String

    /// A draft; Saturn's default access is `owner`.
    public init(name: String, owner: OwnerReference? = nil, access: AccessLevel = .owner, value: String) {
        self.name = name
        self.owner = owner
        self.access = access
        self.value = value
    }
}
