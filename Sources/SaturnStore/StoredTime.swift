import FoundationEssentials
import SaturnDomain
import SaturnJSON

/// Times as the store writes them (`UTCTimestamp`), read back with the parser's position in any error.
enum StoredTime {
    static func read(_ parser: inout JSONParser) throws(JSONSyntaxError) -> Date {
        let text = try parser.readString()
        guard let date = UTCTimestamp.parse(text) else { throw parser.failure("a stored time '\(text)' is not \(UTCTimestamp.expectation)") }
        return date
    }
}
