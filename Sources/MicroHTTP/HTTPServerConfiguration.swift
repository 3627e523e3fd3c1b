#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// How an `HTTPServer` listens and what it tolerates from clients.
public struct HTTPServerConfiguration: Sendable {
    /// The address to bind: an IPv4 or IPv6 literal, or a host name such as `localhost`.
    public var host: String
    /// The port to bind; 0 picks a free one, readable from `HTTPServer.port`.
    public var port: Int
    /// Request bodies larger than this are answered by `HTTPResponder.respondToOversizedBody`.
    public var maxBodyBytes: Int
    /// Seconds a connection may stay idle, or trickle a request, before it is closed.
    public var connectionTimeoutSeconds: Int
    /// Worker threads; each runs its own epoll loop.
    public var threadCount: Int
    /// Connections open at once. One more is closed as soon as it is accepted, never left waiting in the backlog.
    public var maxConnections: Int
    /// Longest time `stop()` waits for in-flight requests before closing every connection.
    public var drainTimeoutSeconds: Double

    /// Creates a configuration; the defaults suit a local mock.
    public init(
        host: String = "127.0.0.1",
        port: Int = 0,
        maxBodyBytes: Int = 8 * 1024 * 1024,
        connectionTimeoutSeconds: Int = 30,
        threadCount: Int = ProcessInfoCores.count,
        maxConnections: Int = HTTPServerConfiguration.connectionCapacity,
        drainTimeoutSeconds: Double = 10
    ) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.connectionTimeoutSeconds = connectionTimeoutSeconds
        self.threadCount = threadCount
        self.maxConnections = maxConnections
        self.drainTimeoutSeconds = drainTimeoutSeconds
    }

    /// Whether `host` reaches only this machine, judged by the addresses it resolves to as the server binds it (a
    /// name spelled like a loopback address may resolve to any address). Throws when it does not resolve.
    public static func isLoopbackOnly(host: String) throws -> Bool {
        try ListeningSocket.resolvesToLoopbackOnly(host)
    }

    /// File descriptors kept back from connections: the listening socket, each worker's epoll and wake-up
    /// descriptors, the store's journal and snapshot files, logs and whatever the responder opens.
    public static let reservedDescriptors = 256

    /// The most connections this process's file limit (`ulimit -n`, the soft limit) leaves room for.
    public static var connectionCapacity: Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1_000 }
        return max(1, Int(clamping: min(limit.rlim_cur, 1 << 20)) - reservedDescriptors)
    }
}
