/// One HTTP request as the server received it: method, percent-decoded path and query, headers and body.
public struct HTTPRequest: Sendable {
    /// The request method as sent, e.g. `GET`.
    public let method: String
    /// The percent-decoded path, without the query string.
    public let path: String
    /// The percent-decoded query arguments in the order they were sent; a key without `=` has the value "".
    public let query: [(name: String, value: String)]
    /// The request headers in the order they were sent.
    public let headers: [(name: String, value: String)]
    /// The whole request body.
    public let body: [UInt8]

    /// Creates a request; the server builds these, tests may too.
    public init(
        method: String,
        path: String,
        query: [(name: String, value: String)] = [],
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = []
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, matched without regard to case (RFC 9110 §5.1).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveEquals(name) }?.value
    }

    /// The first value of a query argument, matched exactly.
    public func queryValue(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }
}
