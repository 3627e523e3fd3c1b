/// The id of a recipe or of an image's version. The mock makes them as 32 lowercase hex digits, held here in two
/// words: as a `String` each was a heap object of 64 bytes or more, two per image and a sixth of a large store's
/// memory. Any other text (a state document may give its own ids) is kept as it is.
public struct RecordID: Hashable, Sendable, CustomStringConvertible {
    private enum Storage: Hashable, Sendable {
        case hex(UInt64, UInt64)
        case text(String)
    }

    private let storage: Storage

    /// The id written as `text`.
    public init(_ text: String) {
        storage = Self.hexWords(text).map { .hex($0.high, $0.low) } ?? .text(text)
    }

    /// Whether `text` can be an id: one URL path segment as it is, letters, digits, `-`, `_` and `.`, starting with
    /// a letter or digit (so never `.` or `..`).
    public static func isAddressable(_ text: String) -> Bool {
        guard let first = text.utf8.first, isAlphanumeric(first) else { return false }
        return text.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// The id as it is written.
    public var description: String {
        withText { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the id's text as UTF-8. Hex ids are written digit by digit into a buffer on the stack:
    /// every listing writes two ids an image, and making a string of each cost a tenth of an uncached page.
    func withText<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch storage {
        case let .hex(high, low):
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
                for index in 0..<32 {
                    let word = index < 16 ? high : low
                    let digit = UInt8(truncatingIfNeeded: word >> (4 * (15 - index % 16))) & 0xF
                    buffer[index] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                }
                return body(UnsafeBufferPointer(buffer))
            }
        case let .text(text):
            var text = text
            return text.withUTF8(body)
        }
    }

    /// The two words of exactly 32 lowercase hex digits, which write back as the same text; nil for anything else.
    private static func hexWords(_ text: String) -> (high: UInt64, low: UInt64)? {
        var words: (high: UInt64, low: UInt64) = (0, 0)
        var count = 0
        for byte in text.utf8 {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            guard count < 32 else { return nil }
            if count < 16 { words.high = words.high << 4 | UInt64(digit) } else { words.low = words.low << 4 | UInt64(digit) }
            count += 1
        }
        return count == 32 ? words : nil
    }
}
