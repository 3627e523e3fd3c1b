import SaturnDomain

/// Reads `Authorization: <scheme> <token>` (README "What the mock serves"): scheme `Bearer` or `token` in any case, any run of spaces.
enum Credentials {
    static func token(fromAuthorization header: String?) throws(APIError) -> String {
        guard let header, !header.allSatisfy(\.isWhitespace) else {
            throw .missingCredentials(reason: "no Authorization header")
        }
        let words = header.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 2 else {
            throw .missingCredentials(reason: "the Authorization header must be '<scheme> <token>'")
        }
        let scheme = words[0].lowercased()
        guard scheme == "bearer" || scheme == "token" else {
            throw .missingCredentials(reason: "unsupported scheme '\(words[0])'")
        }
        return String(words[1])
    }
}
