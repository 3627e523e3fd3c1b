/// A request whose headers have arrived and whose body is still being read; one per libmicrohttpd request.
final class PendingRequest {
    private let head: HTTPRequest
    /// The most body bytes this request may send.
    let bodyLimit: Int
    private(set) var body: [UInt8] = []
    /// Set once more than `bodyLimit` bytes arrived; the rest of the body is then discarded, not kept.
    private(set) var exceededLimit = false
    /// Set once the request went to the responder (or was refused), so later callbacks only drain the upload
    /// or, after a resume, collect the reply.
    var answered = false
    /// The reply the responder answers through.
    var reply: HTTPReply?

    /// `declaredLength` is the request's `Content-Length`, when it gave one.
    init(head: HTTPRequest, bodyLimit: Int, declaredLength: Int?) {
        self.head = head
        self.bodyLimit = bodyLimit
        // A declared body within the limit is kept in one allocation, not grown (and copied) chunk by chunk: an
        // object's part is megabytes.
        if let declaredLength, declaredLength > 0, declaredLength <= bodyLimit {
            body.reserveCapacity(declaredLength)
        }
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
        HTTPRequest(method: head.method, path: head.path, query: head.query, headers: head.headers, body: includingBody ? body : [])
    }
}
