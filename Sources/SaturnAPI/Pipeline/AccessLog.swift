import Dispatch
import Logging
import MicroHTTP

/// The access line of every request, whatever answered it: method, path, status (`dropped` for a dropped
/// connection) and milliseconds; never headers, so never a token. Made only when the log level lets it through.
final class AccessLog: PipelineStep {
    /// Where lines go as bytes (the command's standard-error buffer); nil sends them to the logger at info.
    let sink: (@Sendable ([UInt8]) -> Void)?
    let logger: Logger

    init(sink: (@Sendable ([UInt8]) -> Void)?, logger: Logger) {
        self.sink = sink
        self.logger = logger
    }

    func handle(_ context: RequestContext, next: Pipeline.Next) {
        next(context)
    }

    func answered(_ context: RequestContext, _ outcome: Outcome) {
        write(context.request, status: outcome.status, started: context.started)
    }

    /// Logs one line for a request answered outside the pipeline (an oversized body, a shutdown).
    func write(_ request: HTTPRequest, status: Int?, started: UInt64) {
        let nanoseconds = DispatchTime.now().uptimeNanoseconds - started
        if let sink { return sink(Self.line(request, status: status, nanoseconds: nanoseconds)) }
        guard logger.logLevel <= .info else { return }
        logger.info("\(String(decoding: Self.line(request, status: status, nanoseconds: nanoseconds), as: UTF8.self))")
    }

    /// `METHOD PATH STATUS MILLISECONDSms`, written as bytes.
    static func line(_ request: HTTPRequest, status: Int?, nanoseconds: UInt64) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(request.method.utf8.count + request.path.utf8.count + 24)
        line += request.method.utf8
        line.append(UInt8(ascii: " "))
        line += printable(request.path).utf8
        line.append(UInt8(ascii: " "))
        if let status { appendDecimal(status, digits: 1, to: &line) } else { line += "dropped".utf8 }
        line.append(UInt8(ascii: " "))
        // Milliseconds with two decimals, rounded.
        let hundredths = Int((nanoseconds + 5_000) / 10_000)
        appendDecimal(hundredths / 100, digits: 1, to: &line)
        line.append(UInt8(ascii: "."))
        appendDecimal(hundredths % 100, digits: 2, to: &line)
        line += "ms".utf8
        return line
    }

    /// Appends a non-negative number's decimal digits, with leading zeros up to `digits`. Written digit by digit:
    /// making a string of each number was a third of the access line's cost, on every request.
    private static func appendDecimal(_ value: Int, digits: Int, to line: inout [UInt8]) {
        var divisor = 1
        var count = 1
        while divisor <= value / 10 || count < digits {
            divisor *= 10
            count += 1
        }
        while divisor > 0 {
            line.append(UInt8(ascii: "0") + UInt8((value / divisor) % 10))
            divisor /= 10
        }
    }

    /// The path with control characters (percent-decoded from the request) shown as `?`, so a line stays one line.
    static func printable(_ path: String) -> String {
        guard path.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return path }
        return String(path.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
    }
}
