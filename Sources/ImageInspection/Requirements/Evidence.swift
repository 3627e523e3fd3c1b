/// What an image shows of one requirement: whether it is met, and the lines that say why (what was found, or what
/// is missing and where it was looked for).
public struct Evidence: Sendable, Equatable {
    /// How the requirement stands.
    public enum Verdict: String, Sendable {
        /// As the document asks.
        case met
        /// Not as the document words it, but with something that does the same (an `R_LIBS` in `Renviron.site`).
        case equivalent
        /// Missing or wrong.
        case unmet
    }

    public var verdict: Verdict
    /// What was found or missed, one line each, naming the paths.
    public var lines: [String]

    /// Met, with what was found.
    static func met(_ lines: String...) -> Evidence { Evidence(verdict: .met, lines: lines) }
    /// Unmet, with what is missing.
    static func unmet(_ lines: String...) -> Evidence { Evidence(verdict: .unmet, lines: lines) }
}
