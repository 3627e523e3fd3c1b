/// Why an `HTTPServer` could not start.
public enum HTTPServerError: Error, Equatable, CustomStringConvertible {
    /// The host name did not resolve to an address.
    case unresolvableHost(host: String, reason: String)
    /// The socket could not be bound or put into listening state.
    case cannotListen(host: String, port: Int, reason: String)
    /// libmicrohttpd refused to start its daemon.
    case daemonDidNotStart
    /// `start()` was called on a server that is already running or has stopped.
    case notStartable

    public var description: String {
        switch self {
        case let .unresolvableHost(host, reason):
            return "cannot resolve host '\(host)': \(reason)"
        case let .cannotListen(host, port, reason):
            return "cannot listen on \(host):\(port): \(reason)"
        case .daemonDidNotStart:
            return "libmicrohttpd did not start (see its message above)"
        case .notStartable:
            return "the server was already started"
        }
    }
}
