/// What the server calls, on its own threads, to answer requests.
///
/// Both methods run synchronously on one of libmicrohttpd's pool threads and must be thread-safe.
public protocol HTTPResponder: Sendable {
    /// Answers a complete request.
    func respond(to request: HTTPRequest) -> HTTPResponse

    /// Answers a request whose body is larger than the server's limit; `request.body` is empty.
    func respondToOversizedBody(_ request: HTTPRequest, limit: Int) -> HTTPResponse
}
