import MicroHTTP
import Testing
@testable import SaturnAPI

@Suite("Access log lines")
struct AccessLineTests {
    func line(_ path: String, status: Int?, nanoseconds: UInt64) -> String {
        String(decoding: AccessLog.line(HTTPRequest(method: "GET", path: path), status: status, nanoseconds: nanoseconds), as: UTF8.self)
    }

    @Test("method, path, status and milliseconds rounded to two decimals",
          arguments: [(UInt64(0), "0.00ms"), (4_999, "0.00ms"), (5_000, "0.01ms"), (60_000, "0.06ms"), (999_999, "1.00ms"),
                      (10_250_000, "10.25ms"), (1_234_567_890, "1234.57ms")])
    func durations(nanoseconds: UInt64, shown: String) {
        #expect(line("/api/status", status: 200, nanoseconds: nanoseconds) == "GET /api/status 200 \(shown)")
    }

    @Test("a connection dropped before an answer, and control characters in a path, keep the line one line")
    func droppedAndControlCharacters() {
        #expect(line("/api/a\nb", status: nil, nanoseconds: 1_000_000) == "GET /api/a?b dropped 1.00ms")
        #expect(line("/", status: 404, nanoseconds: 0) == "GET / 404 0.00ms")
    }
}
