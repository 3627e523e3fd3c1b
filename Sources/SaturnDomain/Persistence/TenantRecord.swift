/// A tenant's own copy of the seed's users: one fresh token and refresh token each, unique across tenants.
public struct TenantRecord: Sendable, Equatable {
    public let name: String
    public let tokens: [UserTokens]

    /// Creates a record.
    public init(name: String, tokens: [UserTokens]) {
        self.name = name
        self.tokens = tokens
    }
}
