/// Why a body could not be read as JSON.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    /// What the parser objected to and where, in words.
    public let reason: String
}
