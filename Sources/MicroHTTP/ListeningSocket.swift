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
        try resolving(host, port: port) { first in try bindAndListen(on: first, host: host, port: port) }
    }

    /// Whether every address `host` resolves to, as `open` resolves it, reaches only this machine: 127.0.0.0/8,
    /// ::1, or an IPv4-mapped 127.0.0.0/8. A name is judged by what it resolves to, never by how it is spelled.
    static func resolvesToLoopbackOnly(_ host: String) throws -> Bool {
        try resolving(host, port: 0) { first in
            var entry: UnsafeMutablePointer<addrinfo>? = first
            while let current = entry {
                guard isLoopback(current.pointee.ai_addr) else { return false }
                entry = current.pointee.ai_next
            }
            return true
        }
    }

    private static func isLoopback(_ address: UnsafeMutablePointer<sockaddr>?) -> Bool {
        guard let address else { return false }
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt32(bigEndian: $0.pointee.sin_addr.s_addr) >> 24 == 127 }
        case AF_INET6:
            let bytes = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) }
            }
            let isLoopback = bytes == Array(repeating: 0, count: 15) + [1]
            let isMappedLoopback = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
            return isLoopback || isMappedLoopback
        default:
            return false
        }
    }

    /// Calls `body` with the first of the addresses `host` resolves to for a listening socket.
    private static func resolving<Result>(_ host: String, port: Int, _ body: (UnsafeMutablePointer<addrinfo>) throws -> Result) throws -> Result {
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
        return try body(first)
    }

    private static func bindAndListen(on first: UnsafeMutablePointer<addrinfo>, host: String, port: Int) throws -> ListeningSocket {
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
