/// Why a body could not be read as JSON: it breaks JSON's grammar, or it holds a value past what the mock keeps.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    /// What the parser objected to and where, in words.
    public let reason: String
    /// Set when the text is JSON but holds a value the mock does not keep (a number beyond a double's range or a
    /// whole number beyond 2^53, nesting past the reader's limit): where it is, as a validation path, and why.
    public let limit: JSONLimitExceeded?

    /// A grammar error, or a limit passed.
    public init(reason: String, limit: JSONLimitExceeded? = nil) {
        self.reason = reason
        self.limit = limit
    }
}
