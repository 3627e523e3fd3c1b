#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A bound, listening TCP socket, made here rather than by libmicrohttpd so that a failure says why.
struct ListeningSocket {
    let descriptor: Int32
    let port: Int
    let isIPv6: Bool

    /// Resolves `host`, binds `port` (0 for any free one) and listens.
    static func open(host: String, port: Int) throws -> ListeningSocket {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var results: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &results)
        guard status == 0, let first = results else {
            throw HTTPServerError.unresolvableHost(host: host, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(results) }

        let descriptor = socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
        guard descriptor >= 0 else {
            throw HTTPServerError.cannotListen(host: host, port: port, reason: lastErrorText())
        }
        var enable: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &enable, socklen_t(MemoryLayout<Int32>.size))
        guard bind(descriptor, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0,
              listen(descriptor, SOMAXCONN) == 0 else {
            let reason = lastErrorText()
            close(descriptor)
            throw HTTPServerError.cannotListen(host: host, port: port, reason: reason)
        }
        return ListeningSocket(
            descriptor: descriptor,
            port: boundPort(of: descriptor),
            isIPv6: first.pointee.ai_family == AF_INET6
        )
    }

    private static func boundPort(of descriptor: Int32) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { _ = getsockname(descriptor, $0, &length) }
        }
        let family = Int32(storage.ss_family)
        return withUnsafePointer(to: &storage) { pointer in
            if family == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
        }
    }

    private static func lastErrorText() -> String {
        String(cString: strerror(errno))
    }
}
