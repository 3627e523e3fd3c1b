import CMicroHTTPD

/// An answer to send: status, headers and a body that the server copies out.
public struct HTTPResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// Response headers in the order they are sent.
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: [UInt8]
    /// A stretch of a file sent instead of `body`, when set.
    public var file: HTTPFileBody?
    /// Set for an answer sent many times unchanged: libmicrohttpd's copy of it is made once, then shared.
    public private(set) var prepared: PreparedResponse?

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Creates a response whose body is a stretch of a file, sent without reading it into memory.
    public init(status: Int, headers: [(name: String, value: String)] = [], file: HTTPFileBody) {
        self.status = status
        self.headers = headers
        body = []
        self.file = file
    }

    /// The same answer, to be sent many times unchanged (a constant, a cached read): the server makes
    /// libmicrohttpd's response once and queues it on every connection, instead of copying the body and the
    /// headers again for each request.
    public func preparedOnce() -> HTTPResponse {
        var shared = self
        shared.prepared = PreparedResponse()
        return shared
    }
}
