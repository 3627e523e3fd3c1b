/// What the server calls, on its own threads, to answer requests.
///
/// Every method runs on one of libmicrohttpd's pool threads and must be thread-safe. An answer may be sent before
/// the method returns or later from any thread: the connection waits, suspended, without holding a thread.
public protocol HTTPResponder: Sendable {
    /// Answers a complete request through `reply`, exactly once.
    func respond(to request: HTTPRequest, reply: HTTPReply)

    /// The most body bytes a request may send, given its method, path and headers; `standard` is the server's
    /// `maxBodyBytes`.
    func bodyLimit(for request: HTTPRequest, standard: Int) -> Int

    /// Answers a request whose body is larger than its limit; `request.body` is empty.
    func respondToOversizedBody(_ request: HTTPRequest, limit: Int) -> HTTPResponse

    /// What goes out instead of an answer one of whose headers libmicrohttpd refused (a line break in a value, say):
    /// a bug to surface, never a header to drop silently. Its own headers must be sendable.
    func respondToUnsendableHeader(named name: String, status: Int) -> HTTPResponse

    /// What a request still waiting for its answer gets when the server stops (the drain time passed): libmicrohttpd
    /// cannot stop while a connection is suspended, so each is answered with this and closed.
    func respondToShutdown(_ request: HTTPRequest) -> HTTPResponse

    /// Heard when a connection is closed unanswered because `limit` connections are open; once, until one closes.
    func connectionLimitReached(_ limit: Int)
}

extension HTTPResponder {
    /// Every request may send the server's `maxBodyBytes`.
    public func bodyLimit(for request: HTTPRequest, standard: Int) -> Int { standard }
}
