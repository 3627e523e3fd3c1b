/// What the server calls, on its own threads, to answer requests.
///
/// Both methods run on one of libmicrohttpd's pool threads and must be thread-safe. An answer may be sent before
/// the method returns or later from any thread: the connection waits, suspended, without holding a thread.
public protocol HTTPResponder: Sendable {
    /// Answers a complete request through `reply`, exactly once.
    func respond(to request: HTTPRequest, reply: HTTPReply)

    /// Answers a request whose body is larger than the server's limit; `request.body` is empty.
    func respondToOversizedBody(_ request: HTTPRequest, limit: Int) -> HTTPResponse
}
