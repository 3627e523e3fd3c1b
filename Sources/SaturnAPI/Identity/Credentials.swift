import SaturnDomain

/// Reads `Authorization: <scheme> <token>` (README "What the mock serves"): scheme `Bearer` or `token` in any case,
/// any run of spaces or tabs. Scans bytes in place: every request without a tenant prefix is routed by its token.
enum Credentials {
    private enum Reading {
        case token(String)
        case blank
        case notTwoWords
        case unsupported(String)
    }

    static func token(fromAuthorization header: String?) throws(APIError) -> String {
        guard var header else { throw .missingCredentials(reason: "no Authorization header") }
        switch header.withUTF8(read) {
        case let .token(token): return token
        case .blank: throw .missingCredentials(reason: "no Authorization header")
        case .notTwoWords: throw .missingCredentials(reason: "the Authorization header must be '<scheme> <token>'")
        case let .unsupported(scheme): throw .missingCredentials(reason: "unsupported scheme '\(scheme)'")
        }
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Reading {
        let isBlank = { (index: Int) in bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") }
        var start = 0
        var end = bytes.count
        while start < end, isBlank(start) { start += 1 }
        while end > start, isBlank(end - 1) { end -= 1 }
        guard start < end else { return .blank }
        var gap = start
        while gap < end, !isBlank(gap) { gap += 1 }
        var tokenStart = gap
        while tokenStart < end, isBlank(tokenStart) { tokenStart += 1 }
        guard gap < end, !(tokenStart..<end).contains(where: isBlank) else { return .notTwoWords }
        let scheme = UnsafeBufferPointer(rebasing: bytes[start..<gap])
        guard isScheme(scheme, "bearer") || isScheme(scheme, "token") else {
            return .unsupported(String(decoding: scheme, as: UTF8.self))
        }
        return .token(String(decoding: UnsafeBufferPointer(rebasing: bytes[tokenStart..<end]), as: UTF8.self))
    }

    /// ASCII letters compared without regard to case.
    private static func isScheme(_ word: UnsafeBufferPointer<UInt8>, _ lowercased: StaticString) -> Bool {
        lowercased.withUTF8Buffer { expected in
            word.count == expected.count && (0..<word.count).allSatisfy { word[$0] | 0x20 == expected[$0] }
        }
    }
}
