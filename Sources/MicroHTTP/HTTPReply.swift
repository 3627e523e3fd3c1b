import CMicroHTTPD
import Synchronization

/// The one answer to one request, sent now or later from any thread, or the connection dropped with no answer.
/// A later answer resumes the suspended connection; after the server stopped it is dropped, since libmicrohttpd has
/// closed the connection. When the server stops, it answers every reply still waiting (`HTTPServer.stop`).
public final class HTTPReply: Sendable {
    /// What the server does with the connection.
    enum Outcome {
        case send(HTTPResponse)
        /// Close the connection without answering.
        case drop
    }

    private enum State: @unchecked Sendable {
        case waiting
        case answered(Outcome)
        /// The handler returned first: the connection is suspended until `send`.
        case suspended(connection: OpaquePointer, server: HTTPServer, request: HTTPRequest)
        case taken
    }

    private let state = Mutex<State>(.waiting)
    /// Where the answer goes instead of a connection, when one was given.
    private let delivery: (@Sendable (HTTPResponse?) -> Void)?

    init() {
        delivery = nil
    }

    /// A reply delivered to a function rather than to a connection, so that a responder can answer without a socket
    /// (in process, as Hummingbird's router test mode does). `deliver` gets the answer, or nil for a dropped one,
    /// once, on the thread that gave it.
    public init(deliver: @escaping @Sendable (HTTPResponse?) -> Void) {
        delivery = deliver
    }

    /// True once an answer (or a drop) was given: work that would only lead to one can be skipped.
    public var isSettled: Bool {
        state.withLock { state in
            switch state {
            case .waiting, .suspended: return false
            case .answered, .taken: return true
            }
        }
    }

    /// Sends the answer; only the first call (of this and `drop`) counts.
    public func send(_ response: HTTPResponse) {
        settle(.send(response))
    }

    /// Closes the connection without an answer, as a network failure would; only the first call counts.
    public func drop() {
        settle(.drop)
    }

    private func settle(_ outcome: Outcome) {
        enum Then { case nothing, resume(OpaquePointer, HTTPServer), deliver }
        let then: Then = state.withLock { state in
            switch state {
            case .waiting where delivery != nil:
                state = .taken
                return .deliver
            case .waiting:
                state = .answered(outcome)
                return .nothing
            case let .suspended(connection, server, _):
                state = .answered(outcome)
                return .resume(connection, server)
            case .answered, .taken:
                return .nothing
            }
        }
        switch then {
        case .nothing: break
        case let .resume(connection, server): server.resume(connection, of: self)
        case .deliver:
            if case let .send(response) = outcome { delivery?(response) } else { delivery?(nil) }
        }
    }

    /// The outcome if it is there, else suspends the connection (under the same lock, so `send` cannot miss it). A
    /// server that is stopping suspends nothing more: the request gets the responder's shutdown answer at once.
    func takeOrSuspend(_ connection: OpaquePointer, server: HTTPServer, request: HTTPRequest) -> Outcome? {
        state.withLock { state in
            switch state {
            case let .answered(outcome):
                state = .taken
                return outcome
            case .waiting:
                guard server.noteSuspended(self) else {
                    state = .taken
                    return .send(server.shutdownAnswer(for: request))
                }
                MHD_suspend_connection(connection)
                state = .suspended(connection: connection, server: server, request: request)
                return nil
            case .suspended, .taken:
                return nil
            }
        }
    }

    /// The request a suspended reply waits to answer; nil once answered.
    var waitingRequest: HTTPRequest? {
        state.withLock { state in
            if case let .suspended(_, _, request) = state { return request }
            return nil
        }
    }
}
