import MicroHTTP

/// How a request ended.
enum Outcome: Sendable {
    /// An answer went out, with what the request changed (for the request journal).
    case sent(HTTPResponse, changes: [RecordedChange])
    /// The connection was closed without one.
    case dropped

    /// The status sent; nil for a dropped connection.
    var status: Int? {
        if case let .sent(response, _) = self { return response.status }
        return nil
    }
}
