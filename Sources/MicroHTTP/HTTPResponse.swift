import CMicroHTTPD
import Synchronization

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

/// libmicrohttpd's response object for an answer sent many times, made on first use and freed with the answer.
/// libmicrohttpd counts its references, so connections still sending it keep it alive.
public final class PreparedResponse: Sendable {
    private struct Handle: @unchecked Sendable {
        let pointer: OpaquePointer
    }

    private let made = Mutex<Handle?>(nil)

    init() {}

    /// The response object, made by `make` the first time; nil when it cannot be made.
    func object(make: () -> OpaquePointer?) -> OpaquePointer? {
        made.withLock { made in
            if made == nil, let pointer = make() { made = Handle(pointer: pointer) }
            return made?.pointer
        }
    }

    deinit {
        if let handle = made.withLock({ $0 }) { MHD_destroy_response(handle.pointer) }
    }
}
