import MicroHTTP
import SaturnDomain
import SaturnJSON

/// The version of Saturn's API the mock answers as.
enum SaturnAPIVersion {
    static let current = "2026.02.01"
}

/// Builds JSON responses with the headers every answer carries (README "What the mock serves").
enum JSONResponse {
    static func make(_ status: Int, _ body: some JSONWritable, headers: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: [("Content-Type", "application/json"), ("X-Saturn-Version", SaturnAPIVersion.current)] + headers,
            body: body.jsonBytes
        )
    }

    /// `204 No Content`.
    static func noContent() -> HTTPResponse {
        HTTPResponse(status: 204, headers: [("X-Saturn-Version", SaturnAPIVersion.current)])
    }

    static func error(_ parts: HTTPResponseParts) -> HTTPResponse {
        make(parts.status, parts.body, headers: parts.headers)
    }
}
