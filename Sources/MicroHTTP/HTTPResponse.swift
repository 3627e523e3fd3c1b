import CMicroHTTPD

/// An answer to send: status, headers and a body that the server copies out.
public struct HTTPResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// Response headers in the order they are sent.
    public var headers: [(name: String, value: String)]
    /// The body bytes.
    public var body: [UInt8]
    /// Set for an answer sent many times unchanged: libmicrohttpd's copy of it is made once, then shared.
    public private(set) var prepared: PreparedResponse?

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
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
