import Foundation
import Synchronization
import Testing
@testable import MicroHTTP

/// Echoes what the server parsed, so tests can see the adapter's work; `/slow` waits until released.
final class EchoResponder: HTTPResponder {
    let slowEntered = DispatchSemaphore(value: 0)
    let slowRelease = DispatchSemaphore(value: 0)
    let oversizedCalls = Atomic<Int>(0)
    let connectionLimitNotices = Atomic<Int>(0)
    /// One answer for every request to `/prepared`, and one whose header libmicrohttpd refuses.
    let prepared = HTTPResponse(status: 202, headers: [("X-Shared", "yes")], body: Array("shared answer".utf8)).preparedOnce()
    let preparedBad = HTTPResponse(status: 202, headers: [("Warning", "a\r\nb")], body: Array("never".utf8)).preparedOnce()

    func respond(to request: HTTPRequest, reply: HTTPReply) {
        let query = request.query.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        let text = "\(request.method) \(request.path) ?\(query) x-test=\(request.header("X-TEST") ?? "-") body=\(String(decoding: request.body, as: UTF8.self))"
        let response = HTTPResponse(status: 200, headers: [("Content-Type", "text/plain")], body: Array(text.utf8))
        switch request.path {
        case "/slow":
            // Holds the pool thread, as a long handler would.
            slowEntered.signal()
            slowRelease.wait()
            reply.send(response)
        case "/prepared":
            reply.send(prepared)
        case "/prepared-bad":
            reply.send(preparedBad)
        case "/bad-header":
            reply.send(HTTPResponse(status: 201, headers: [("Warning", "299 - \"a\r\nX-Evil: 1\"")], body: Array("made".utf8)))
        case "/drop":
            reply.drop()
        case "/never":
            // Never answers: the connection waits suspended until the server stops.
            slowEntered.signal()
        case "/later":
            // Answers from another thread once released: the connection waits suspended, holding no thread.
            slowEntered.signal()
            Thread.detachNewThread { [self] in
                slowRelease.wait()
                reply.send(response)
            }
        default:
            reply.send(response)
        }
    }

    func respondToOversizedBody(_ request: HTTPRequest, limit: Int) -> HTTPResponse {
        oversizedCalls.add(1, ordering: .relaxed)
        return HTTPResponse(status: 413, body: Array("too large for \(limit) at \(request.path)".utf8))
    }

    func respondToUnsendableHeader(named name: String, status: Int) -> HTTPResponse {
        HTTPResponse(status: 500, headers: [("Content-Type", "text/plain")], body: Array("cannot send \(name) of a \(status)".utf8))
    }

    func respondToShutdown(_ request: HTTPRequest) -> HTTPResponse {
        HTTPResponse(status: 503, body: Array("stopping before \(request.path) was answered".utf8))
    }

    func connectionLimitReached(_ limit: Int) {
        connectionLimitNotices.add(1, ordering: .relaxed)
    }
}

@Suite("HTTP adapter over libmicrohttpd", .timeLimit(.minutes(1)))
struct HTTPServerTests {
    func withServer(
        maxBodyBytes: Int = 64,
        connectionTimeoutSeconds: Int = 30,
        maxConnections: Int = HTTPServerConfiguration.connectionCapacity,
        _ body: (HTTPServer, Int, EchoResponder) throws -> Void
    ) throws {
        let responder = EchoResponder()
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(
                port: 0, maxBodyBytes: maxBodyBytes, connectionTimeoutSeconds: connectionTimeoutSeconds, maxConnections: maxConnections
            ),
            responder: responder
        )
        let port = try server.start()
        defer { server.stop() }
        try body(server, port, responder)
    }

    @Test("port 0 binds a free port that the server reports")
    func portZero() throws {
        try withServer { server, port, _ in
            #expect(port > 0)
            #expect(server.port == port)
        }
    }

    @Test("path and query arrive percent-decoded, headers readable in any case")
    func decoding() throws {
        try withServer { _, port, _ in
            let connection = try RawHTTPConnection(port: port)
            connection.send("GET /api/recipes/image/a%20b?owner=acme%2Falice&flag&as_template=True HTTP/1.1\r\nHost: x\r\nx-test: yes\r\n\r\n")
            let response = try connection.readResponse()
            #expect(response.body == "GET /api/recipes/image/a b ?owner=acme/alice&flag=&as_template=True x-test=yes body=")
        }
    }

    @Test("a request head of 15 KB is served; one past the 16 KiB connection memory gets 431")
    func requestHeadLimit() throws {
        try withServer { _, port, _ in
            let served = try RawHTTPConnection(port: port)
            served.send("GET /big HTTP/1.1\r\nHost: x\r\nx-test: \(String(repeating: "a", count: 15_000))\r\n\r\n")
            #expect(try served.readResponse().status == 200)
            let refused = try RawHTTPConnection(port: port)
            refused.send("GET /big HTTP/1.1\r\nHost: x\r\nx-test: \(String(repeating: "a", count: 17_000))\r\n\r\n")
            #expect(try refused.readResponse().status == 431)
        }
    }

    @Test("a prepared answer is sent whole to every connection and every request; one with a bad header is replaced each time")
    func preparedAnswers() throws {
        try withServer { _, port, _ in
            let connections = try (0..<3).map { _ in try RawHTTPConnection(port: port) }
            for _ in 0..<2 {
                for connection in connections { connection.send("GET /prepared HTTP/1.1\r\nHost: x\r\n\r\n") }
                for connection in connections {
                    let response = try connection.readResponse()
                    #expect((response.status, response.headers["x-shared"], response.body) == (202, "yes", "shared answer"))
                }
            }
            for _ in 0..<2 {
                connections[0].send("GET /prepared-bad HTTP/1.1\r\nHost: x\r\n\r\n")
                let response = try connections[0].readResponse()
                #expect((response.status, response.body) == (500, "cannot send Warning of a 202"))
            }
        }
    }

    @Test("a body sent in pieces is accumulated; keep-alive serves a second request on the same socket")
    func bodyAndKeepAlive() throws {
        try withServer { _, port, _ in
            let connection = try RawHTTPConnection(port: port)
            connection.send("POST /one HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello")
            Thread.sleep(forTimeInterval: 0.1)
            connection.send(" world")
            #expect(try connection.readResponse().body == "POST /one ? x-test=- body=hello world")
            connection.send("POST /two HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")
            #expect(try connection.readResponse().body == "POST /two ? x-test=- body=abcde")
        }
    }

    @Test("a declared body over the limit is refused before it is read")
    func declaredTooLarge() throws {
        try withServer(maxBodyBytes: 10) { _, port, responder in
            let connection = try RawHTTPConnection(port: port)
            connection.send("POST /big HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n0123456789")
            let response = try connection.readResponse()
            #expect(response.status == 413)
            #expect(response.body == "too large for 10 at /big")
            #expect(responder.oversizedCalls.load(ordering: .relaxed) == 1)
        }
    }

    @Test("a chunked body that grows past the limit gets 413, and the responder never sees it")
    func chunkedTooLarge() throws {
        try withServer(maxBodyBytes: 10) { _, port, responder in
            let connection = try RawHTTPConnection(port: port)
            connection.send("POST /big HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n01234567\r\n8\r\n89abcdef\r\n0\r\n\r\n")
            let response = try connection.readResponse()
            #expect(response.status == 413)
            #expect(response.body == "too large for 10 at /big")
            #expect(responder.oversizedCalls.load(ordering: .relaxed) == 1)
        }
    }

    @Test("a body past the limit is dropped as it arrives: nothing of it is kept or handed on")
    func nothingPastTheLimitIsKept() {
        let pending = PendingRequest(head: HTTPRequest(method: "POST", path: "/big"), bodyLimit: 10, declaredLength: nil)
        let chunk = Array("01234567".utf8)
        chunk.withUnsafeBytes { pending.append($0) }
        #expect(pending.body == chunk)
        chunk.withUnsafeBytes { pending.append($0) }
        #expect(pending.exceededLimit)
        #expect(pending.body.isEmpty)
        chunk.withUnsafeBytes { pending.append($0) }
        #expect(pending.body.isEmpty)
        #expect(pending.request(includingBody: true).body.isEmpty)
    }

    @Test("an answer whose header cannot be sent is replaced by the responder's 500, never sent without the header")
    func unsendableHeader() throws {
        try withServer { _, port, _ in
            let connection = try RawHTTPConnection(port: port)
            connection.send("GET /bad-header HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try connection.readResponse()
            #expect(response.status == 500)
            #expect(response.body == "cannot send Warning of a 201")
            #expect(response.headers["x-evil"] == nil)
            #expect(response.headers["warning"] == nil)
        }
    }

    @Test("an idle connection is closed after the connection timeout")
    func idleTimeout() throws {
        try withServer(connectionTimeoutSeconds: 1) { _, port, _ in
            let connection = try RawHTTPConnection(port: port, readTimeoutSeconds: 8)
            connection.send("GET /partial HTTP/1.1\r\nHost: x\r\n")
            #expect(connection.isClosedByPeer())
        }
    }

    @Test("beyond --max-connections a new connection is closed at once, and served again once one closes")
    func connectionLimit() throws {
        try withServer(maxConnections: 3) { _, port, responder in
            var idle = try (0..<3).map { _ in try RawHTTPConnection(port: port) }
            for connection in idle {
                connection.send("GET /held HTTP/1.1\r\nHost: x\r\n\r\n")
                #expect(try connection.readResponse().status == 200)
            }
            for _ in 0..<2 {
                #expect(try RawHTTPConnection(port: port, readTimeoutSeconds: 5).isClosedByPeer())
            }
            #expect(responder.connectionLimitNotices.load(ordering: .relaxed) == 1)

            idle.removeLast()
            var answered = false
            for _ in 0..<100 where !answered {
                let connection = try RawHTTPConnection(port: port, readTimeoutSeconds: 5)
                connection.send("GET /after HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                answered = (try? connection.readResponse().status) == 200
                if !answered { usleep(10_000) }
            }
            #expect(answered)
            #expect(idle.count == 2)
        }
    }

    @Test("a request is answered beside 1,100 idle connections, past select()'s 1,024 descriptors",
          .enabled(if: HTTPServerConfiguration.connectionCapacity >= 2_500, "the file limit (ulimit -n) is too low to hold both ends"))
    func manyIdleConnections() throws {
        try withServer { _, port, _ in
            let idle = try (0..<1_100).map { _ in try RawHTTPConnection(port: port) }
            let connection = try RawHTTPConnection(port: port, readTimeoutSeconds: 5)
            connection.send("GET /beside HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try connection.readResponse().status == 200)
            #expect(idle.count == 1_100)
        }
    }

    @Test("stop lets a request in flight finish, whether it holds a thread or waits suspended, then refuses new connections",
          arguments: ["/slow", "/later"])
    func stopDrains(path: String) throws {
        let responder = EchoResponder()
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0), responder: responder)
        let port = try server.start()
        let connection = try RawHTTPConnection(port: port)
        connection.send("GET \(path) HTTP/1.1\r\nHost: x\r\n\r\n")
        responder.slowEntered.wait()
        let stopped = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            server.stop()
            stopped.signal()
        }
        Thread.sleep(forTimeInterval: 0.2)
        #expect(stopped.wait(timeout: .now()) == .timedOut, "stop must wait for the request in flight")
        responder.slowRelease.signal()
        let response = try connection.readResponse()
        #expect(response.status == 200)
        #expect(response.headers["connection"]?.lowercased() == "close")
        stopped.wait()
        #expect(throws: RawHTTPConnection.Failure.self) { try RawHTTPConnection(port: port) }
    }

    @Test("a dropped reply closes the connection without a byte of answer")
    func drop() throws {
        try withServer { _, port, _ in
            let connection = try RawHTTPConnection(port: port, readTimeoutSeconds: 5)
            connection.send("GET /drop HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(throws: RawHTTPConnection.Failure.closedBeforeResponse) { try connection.readResponse() }
        }
    }

    @Test("stop answers a request that would wait for ever with the responder's shutdown answer, and returns",
          arguments: [true, false])
    func stopAnswersWhatStillWaits(clientStaysConnected: Bool) throws {
        let responder = EchoResponder()
        let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, drainTimeoutSeconds: 0.2), responder: responder)
        let port = try server.start()
        var connection: RawHTTPConnection? = try RawHTTPConnection(port: port)
        connection?.send("GET /never HTTP/1.1\r\nHost: x\r\n\r\n")
        responder.slowEntered.wait()
        // libmicrohttpd aborts the process when it is stopped with a connection still suspended.
        if !clientStaysConnected { connection = nil }
        let stopped = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            server.stop()
            stopped.signal()
        }
        if let connection {
            let response = try connection.readResponse()
            #expect(response.status == 503)
            #expect(response.body == "stopping before /never was answered")
        }
        #expect(stopped.wait(timeout: .now() + 10) == .success, "stop returns")
    }

    @Test("an answer sent later from another thread resumes the connection, which then serves the next request")
    func deferredReply() throws {
        try withServer { _, port, responder in
            let connection = try RawHTTPConnection(port: port)
            connection.send("GET /later HTTP/1.1\r\nHost: x\r\n\r\n")
            responder.slowEntered.wait()
            // While it waits, the pool serves others on the same threads.
            let other = try RawHTTPConnection(port: port)
            other.send("GET /now HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try other.readResponse().status == 200)
            responder.slowRelease.signal()
            #expect(try connection.readResponse().body == "GET /later ? x-test=- body=")
            connection.send("GET /again HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try connection.readResponse().body == "GET /again ? x-test=- body=")
        }
    }

    @Test("a port in use is refused with the system's reason")
    func portInUse() throws {
        try withServer { _, port, _ in
            let second = HTTPServer(configuration: HTTPServerConfiguration(port: port), responder: EchoResponder())
            #expect(throws: HTTPServerError.cannotListen(host: "127.0.0.1", port: port, reason: "Address already in use")) {
                try second.start()
            }
        }
    }

    @Test("an unknown host is refused with the resolver's reason")
    func unknownHost() {
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "no-such-host.invalid", port: 0), responder: EchoResponder())
        #expect(throws: HTTPServerError.self) { try server.start() }
    }
}

@Suite("Request headers")
struct HTTPRequestTests {
    @Test("header names match in any case, and only letters fold", arguments: [
        ("Authorization", "authorization", true), ("X-TEST", "x-test", true), ("Content-Length", "Content-Length", true),
        ("X-Test", "X-Tes", false), ("a[", "A{", false), ("Accept", "Accepts", false),
    ])
    func caseInsensitive(sent: String, asked: String, matches: Bool) {
        let request = HTTPRequest(method: "GET", path: "/", headers: [(sent, "value")])
        #expect((request.header(asked) != nil) == matches)
    }
}
