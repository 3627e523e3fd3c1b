/// A user's access token and refresh token.
public struct UserTokens: Sendable, Equatable {
    public let username: String
    public let token: String
    public let refreshToken: String

    /// Creates a pair.
    public init(username: String, token: String, refreshToken: String) {
        self.username = username
        self.token = token
        self.refreshToken = refreshToken
    }
}
