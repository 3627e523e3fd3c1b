import MicroHTTP
import SaturnDomain
import SaturnJSON

/// Builds JSON responses with the headers every answer carries (README "What the mock serves").
enum JSONResponse {
    static func make(_ status: Int, _ body: some JSONWritable, headers: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(
            status: status,
            headers: [("Content-Type", "application/json"), ("X-Saturn-Version", SaturnAPIVersion.current)] + headers,
            body: body.jsonBytes
        )
    }

    /// An answer without a body: `204 No Content` unless another status is given.
    static func noContent(status: Int = 204) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("X-Saturn-Version", SaturnAPIVersion.current)])
    }

    static func error(_ parts: HTTPResponseParts) -> HTTPResponse {
        make(parts.status, parts.body, headers: parts.headers)
    }
}
