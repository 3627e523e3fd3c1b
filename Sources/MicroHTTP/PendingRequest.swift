/// A request whose headers have arrived and whose body is still being read; one per libmicrohttpd request.
final class PendingRequest {
    let method: String
    let path: String
    let query: [(name: String, value: String)]
    let headers: [(name: String, value: String)]
    private let bodyLimit: Int
    private(set) var body: [UInt8] = []
    /// Set once more than `bodyLimit` bytes arrived; the rest of the body is then discarded, not kept.
    private(set) var exceededLimit = false
    /// Set once a response was queued, so later callbacks only drain the upload.
    var answered = false

    init(method: String, path: String, query: [(name: String, value: String)], headers: [(name: String, value: String)], bodyLimit: Int) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.bodyLimit = bodyLimit
    }

    /// Appends a chunk of the body, unless the limit is already passed.
    func append(_ chunk: UnsafeRawBufferPointer) {
        guard !exceededLimit else { return }
        guard body.count + chunk.count <= bodyLimit else {
            exceededLimit = true
            body = []
            return
        }
        body.append(contentsOf: chunk)
    }

    /// The request as handed to the responder.
    func request(includingBody: Bool) -> HTTPRequest {
        HTTPRequest(method: method, path: path, query: query, headers: headers, body: includingBody ? body : [])
    }
}
