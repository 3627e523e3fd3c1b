import CMicroHTTPD
import Synchronization

/// The one answer to one request, sent now or later from any thread. A later answer resumes the suspended
/// connection; after the server stopped it is dropped, since libmicrohttpd has closed the connection.
public final class HTTPReply: Sendable {
    private enum State: @unchecked Sendable {
        case waiting
        case answered(HTTPResponse)
        /// The handler returned first: the connection is suspended until `send`.
        case suspended(connection: OpaquePointer, server: HTTPServer)
        case taken
    }

    private let state = Mutex<State>(.waiting)

    init() {}

    /// Sends the answer; only the first call counts.
    public func send(_ response: HTTPResponse) {
        let resume: (OpaquePointer, HTTPServer)? = state.withLock { state in
            switch state {
            case .waiting:
                state = .answered(response)
                return nil
            case let .suspended(connection, server):
                state = .answered(response)
                return (connection, server)
            case .answered, .taken:
                return nil
            }
        }
        if let (connection, server) = resume { server.resume(connection) }
    }

    /// The answer if it is there, else suspends the connection (under the same lock, so `send` cannot miss it).
    func takeOrSuspend(_ connection: OpaquePointer, server: HTTPServer) -> HTTPResponse? {
        state.withLock { state in
            switch state {
            case let .answered(response):
                state = .taken
                return response
            case .waiting:
                MHD_suspend_connection(connection)
                state = .suspended(connection: connection, server: server)
                return nil
            case .suspended, .taken:
                return nil
            }
        }
    }
}
