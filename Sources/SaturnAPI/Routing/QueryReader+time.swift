import FoundationEssentials
import MicroHTTP
import SaturnDomain

extension QueryReader {
    /// A day (`2026-11-01`, its UTC midnight) or a time as Python's `isoformat()` writes one (`2026-11-01T10:00:00`,
    /// with or without a fraction and an offset; without an offset, UTC), as saturn-client sends `start` and `end`.
    mutating func time(_ name: String) -> Date? {
        guard let text = value(name) else { return nil }
        guard let date = Self.readTime(text) else {
            issues.add(name, "must be a day such as 2026-11-01 or \(UTCTimestamp.expectation), not '\(text)'")
            return nil
        }
        return date
    }

    private static func readTime(_ text: String) -> Date? {
        var text = text.utf8.count == 10 ? text + "T00:00:00" : text
        if let dot = text.firstIndex(of: ".") {
            let fractionEnd = text[dot...].dropFirst().firstIndex { !$0.isASCII || !$0.isNumber } ?? text.endIndex
            text.removeSubrange(dot..<fractionEnd)
        }
        let clock = text.split(separator: "T", maxSplits: 1).dropFirst().first ?? ""
        if !clock.contains(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) { text += "Z" }
        return UTCTimestamp.parse(text)
    }
}
