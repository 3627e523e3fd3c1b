import CMicroHTTPD
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// An HTTP/1.1 server on libmicrohttpd's thread pool, answering through an `HTTPResponder`.
///
/// The server owns every C pointer: the daemon, the listening socket, one retained `PendingRequest` per request,
/// and a retain on itself for as long as libmicrohttpd may call back.
public final class HTTPServer: Sendable {
    private let configuration: HTTPServerConfiguration
    private let responder: any HTTPResponder
    private let state = Mutex<State>(.idle)
    private let inFlight = Atomic<Int>(0)
    private let openConnections = Atomic<Int>(0)
    /// Set by the first connection refused at the limit, cleared when one closes: the responder hears once per episode.
    private let refusingConnections = Atomic<Bool>(false)
    private let draining = Atomic<Bool>(false)
    /// Open while libmicrohttpd runs; a reply that comes after the stop must not touch a closed connection.
    private let resumable = Mutex<Bool>(false)
    /// The replies whose connections wait suspended, so that `stop` can answer them: libmicrohttpd aborts the process
    /// when it is stopped with a connection still suspended. Nil once `stop` answered them: nothing suspends after.
    private let suspendedReplies = Mutex<[ObjectIdentifier: HTTPReply]?>([:])

    private enum State: @unchecked Sendable {
        case idle
        case running(daemon: OpaquePointer, socket: ListeningSocket)
        case stopped
    }

    /// Creates a server; nothing listens until `start()`.
    public init(configuration: HTTPServerConfiguration, responder: any HTTPResponder) {
        self.configuration = configuration
        self.responder = responder
    }

    /// Binds the socket and starts the worker threads; returns the bound port.
    @discardableResult
    public func start() throws -> Int {
        try state.withLock { state in
            guard case .idle = state else { throw HTTPServerError.notStartable }
            let socket = try ListeningSocket.open(host: configuration.host, port: configuration.port)
            var flags = MHD_USE_EPOLL_INTERNAL_THREAD.rawValue | MHD_ALLOW_SUSPEND_RESUME.rawValue | MHD_USE_ERROR_LOG.rawValue
            if socket.isIPv6 { flags |= MHD_USE_IPv6.rawValue }
            let retainedSelf = Unmanaged.passRetained(self).toOpaque()
            guard let daemon = saturn_mhd_start(
                flags,
                socket.descriptor,
                UInt32(max(1, configuration.threadCount)),
                UInt32(max(1, configuration.connectionTimeoutSeconds)),
                UInt32(clamping: Self.daemonConnectionLimit(configuration)),
                MicroHTTPCallbacks.acceptPolicy, retainedSelf,
                MicroHTTPCallbacks.connectionNotice, retainedSelf,
                MicroHTTPCallbacks.access, retainedSelf,
                MicroHTTPCallbacks.completed, retainedSelf
            ) else {
                Unmanaged<HTTPServer>.fromOpaque(retainedSelf).release()
                close(socket.descriptor)
                throw HTTPServerError.daemonDidNotStart
            }
            state = .running(daemon: daemon, socket: socket)
            resumable.withLock { $0 = true }
            return socket.port
        }
    }

    /// The bound port while running, else nil.
    public var port: Int? {
        state.withLock { state in
            if case let .running(_, socket) = state { return socket.port }
            return nil
        }
    }

    /// Stops accepting, lets in-flight requests finish (up to the drain timeout), answers those still waiting with
    /// the responder's shutdown answer, then closes every connection.
    public func stop() {
        let running: (OpaquePointer, ListeningSocket)? = state.withLock { state in
            guard case let .running(daemon, socket) = state else { return nil }
            state = .stopped
            return (daemon, socket)
        }
        guard let (daemon, socket) = running else { return }
        draining.store(true, ordering: .relaxed)
        _ = MHD_quiesce_daemon(daemon)
        waitForRequestsInFlight(seconds: configuration.drainTimeoutSeconds)
        // What still waits (a delayed answer, say) is answered now, resumed and sent; a client that closed its socket
        // meanwhile is noticed on the resume. From here on nothing suspends.
        let waiting = suspendedReplies.withLock { replies in
            defer { replies = nil }
            return replies.map { Array($0.values) } ?? []
        }
        for reply in waiting {
            if let request = reply.waitingRequest { reply.send(shutdownAnswer(for: request)) }
        }
        waitForRequestsInFlight(seconds: 2)
        resumable.withLock { $0 = false }
        MHD_stop_daemon(daemon)
        close(socket.descriptor)
        // libmicrohttpd calls back no more: drop the retain taken in start().
        Unmanaged.passUnretained(self).release()
    }

    private func waitForRequestsInFlight(seconds: Double) {
        let deadline = monotonicSeconds() + seconds
        while inFlight.load(ordering: .acquiring) > 0 && monotonicSeconds() < deadline {
            usleep(2_000)
        }
    }

    /// Registers a reply about to suspend its connection; false once the server is stopping.
    func noteSuspended(_ reply: HTTPReply) -> Bool {
        suspendedReplies.withLock { replies in
            guard replies != nil else { return false }
            replies?[ObjectIdentifier(reply)] = reply
            return true
        }
    }

    func shutdownAnswer(for request: HTTPRequest) -> HTTPResponse {
        responder.respondToShutdown(request)
    }

    /// libmicrohttpd's own limit, above ours. At its limit a worker stops accepting and new connections wait unanswered
    /// in the kernel's backlog; below it, `admitsConnection` closes them at once. Workers split the limit between them
    /// and accept unevenly, hence the headroom per worker.
    private static func daemonConnectionLimit(_ configuration: HTTPServerConfiguration) -> Int {
        max(1, configuration.maxConnections) + 16 * max(1, configuration.threadCount)
    }

    // MARK: - Called from libmicrohttpd's threads through MicroHTTPCallbacks

    func admitsConnection() -> Bool {
        guard openConnections.load(ordering: .relaxed) >= configuration.maxConnections else { return true }
        if !refusingConnections.exchange(true, ordering: .relaxed) {
            responder.connectionLimitReached(configuration.maxConnections)
        }
        return false
    }

    func connectionChanged(opened: Bool) {
        if opened {
            openConnections.add(1, ordering: .relaxed)
        } else {
            openConnections.subtract(1, ordering: .relaxed)
            refusingConnections.store(false, ordering: .relaxed)
        }
    }

    func handle(
        connection: OpaquePointer,
        url: UnsafePointer<CChar>?,
        method: UnsafePointer<CChar>?,
        uploadData: UnsafePointer<CChar>?,
        uploadDataSize: UnsafeMutablePointer<Int>,
        requestContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>
    ) -> MHD_Result {
        guard let context = requestContext.pointee else {
            let head = HTTPRequest(
                method: method.map { String(cString: $0) } ?? "GET",
                path: url.map(decodedText) ?? "/",
                query: Self.values(of: MHD_ValueKind.GET_ARGUMENT_KIND, on: connection),
                headers: Self.values(of: MHD_ValueKind.HEADER_KIND, on: connection)
            )
            let declared = head.header("Content-Length").flatMap(Int.init)
            let pending = PendingRequest(
                head: head, bodyLimit: responder.bodyLimit(for: head, standard: configuration.maxBodyBytes), declaredLength: declared
            )
            requestContext.pointee = Unmanaged.passRetained(pending).toOpaque()
            inFlight.add(1, ordering: .relaxed)
            // Refuse a declared oversized body before reading any of it (the connection is then closed).
            if let declared, declared > pending.bodyLimit {
                pending.answered = true
                return refuseOversized(pending, on: connection)
            }
            return .YES
        }
        let pending = Unmanaged<PendingRequest>.fromOpaque(context).takeUnretainedValue()
        if uploadDataSize.pointee > 0 {
            if !pending.answered, let uploadData {
                pending.append(UnsafeRawBufferPointer(start: uploadData, count: uploadDataSize.pointee))
            }
            uploadDataSize.pointee = 0
            return .YES
        }
        if let reply = pending.reply {
            // Resumed: the answer has come.
            return send(reply, on: connection, request: pending.request(includingBody: false))
        }
        guard !pending.answered else { return .YES }
        pending.answered = true
        if pending.exceededLimit { return refuseOversized(pending, on: connection) }
        let reply = HTTPReply()
        pending.reply = reply
        let request = pending.request(includingBody: true)
        responder.respond(to: request, reply: reply)
        return send(reply, on: connection, request: request)
    }

    /// Queues the reply's answer, closes the connection for a dropped one (MHD_NO), or leaves it suspended until
    /// the outcome comes.
    private func send(_ reply: HTTPReply, on connection: OpaquePointer, request: HTTPRequest) -> MHD_Result {
        switch reply.takeOrSuspend(connection, server: self, request: request) {
        case nil: return .YES
        case let .send(response)?: return queue(response, on: connection)
        case .drop?: return .NO
        }
    }

    private func refuseOversized(_ pending: PendingRequest, on connection: OpaquePointer) -> MHD_Result {
        queue(responder.respondToOversizedBody(pending.request(includingBody: false), limit: pending.bodyLimit), on: connection)
    }

    /// Wakes a suspended connection whose answer came, unless the server has stopped.
    func resume(_ connection: OpaquePointer, of reply: HTTPReply) {
        suspendedReplies.withLock { _ = $0?.removeValue(forKey: ObjectIdentifier(reply)) }
        resumable.withLock { running in
            if running { MHD_resume_connection(connection) }
        }
    }

    func complete(requestContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?) {
        guard let slot = requestContext, let context = slot.pointee else { return }
        Unmanaged<PendingRequest>.fromOpaque(context).release()
        slot.pointee = nil
        inFlight.subtract(1, ordering: .releasing)
    }

    private func queue(_ response: HTTPResponse, on connection: OpaquePointer) -> MHD_Result {
        let isDraining = draining.load(ordering: .relaxed)
        // A prepared answer is shared as it is; one that must also say "Connection: close" is made afresh.
        if let prepared = response.prepared, !isDraining, let shared = prepared.object(make: { Self.makeResponse(response, closing: false).made }) {
            return MHD_queue_response(connection, UInt32(response.status), shared)
        }
        switch Self.makeResponse(response, closing: isDraining) {
        case let .made(mhdResponse):
            defer { MHD_destroy_response(mhdResponse) }
            return MHD_queue_response(connection, UInt32(response.status), mhdResponse)
        case let .refused(header):
            let replacement = responder.respondToUnsendableHeader(named: header, status: response.status)
            return replacement.headers.contains { $0.name == header } ? .NO : queue(replacement, on: connection)
        case .failed:
            return .NO
        }
    }

    /// libmicrohttpd's copy of an answer, or the header it refused.
    private enum MadeResponse {
        case made(OpaquePointer)
        case refused(header: String)
        case failed

        var made: OpaquePointer? {
            if case let .made(pointer) = self { return pointer }
            return nil
        }
    }

    private static func makeResponse(_ response: HTTPResponse, closing: Bool) -> MadeResponse {
        let created: OpaquePointer?
        if let file = response.file {
            // libmicrohttpd owns the descriptor from here and closes it with the response.
            guard let descriptor = file.take() else { return .failed }
            created = MHD_create_response_from_fd_at_offset64(UInt64(file.count), descriptor, UInt64(file.offset))
            if created == nil { close(descriptor) }
        } else {
            created = response.body.withUnsafeBytes { bytes in
                MHD_create_response_from_buffer(bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), MHD_ResponseMemoryMode.RESPMEM_MUST_COPY)
            }
        }
        guard let mhdResponse = created else { return .failed }
        for header in response.headers where MHD_add_response_header(mhdResponse, header.name, header.value) != .YES {
            MHD_destroy_response(mhdResponse)
            return .refused(header: header.name)
        }
        if closing { _ = MHD_add_response_header(mhdResponse, "Connection", "close") }
        return .made(mhdResponse)
    }

    private static func values(of kind: MHD_ValueKind, on connection: OpaquePointer) -> [(name: String, value: String)] {
        let collector = ValueCollector()
        withExtendedLifetime(collector) {
            _ = MHD_get_connection_values(connection, kind, MicroHTTPCallbacks.collectValue, Unmanaged.passUnretained(collector).toOpaque())
        }
        return collector.values
    }
}

private func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}
