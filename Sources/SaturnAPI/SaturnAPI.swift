import Dispatch
import FoundationEssentials
import Glibc
import Logging
import MicroHTTP
import SaturnDomain
import SaturnJSON

/// The Saturn Cloud API as the mock serves it, for every tenant, and the control plane under `/_mock/`: finds the
/// tenant, applies its fault rules, routes, renders errors, journals the request and logs one line.
public final class SaturnAPI: HTTPResponder {
    /// What the API adds to the registry.
    public struct Settings: Sendable {
        /// Requests each tenant's journal keeps.
        public var journalSize = 1_000
        /// The largest state document `PUT /_mock/state` reads: a tenant's exported state is larger than any
        /// request of the API (22.5 MB for 100,000 images), so it has a limit of its own.
        public var maxStateBytes = 256 * 1024 * 1024
        /// When set, every control request needs `Authorization: Bearer <token>`.
        public var controlToken: String?
        /// Where the access log's lines go (`GET /api/status 200 0.05ms`, as bytes, without a line end); nil sends
        /// them to the logger at info. The command writes them straight to its standard-error buffer: a line a
        /// request through swift-log cost a tenth of a request's instructions.
        public var accessLog: (@Sendable ([UInt8]) -> Void)?

        /// The defaults: 1,000 journal entries, an open control plane.
        public init() {}
    }

    private let router: Router
    private let controlRouter: Router
    private let sides: TenantSides
    private let controlToken: [UInt8]?
    private let logger: Logger
    private let accessLog: (@Sendable ([UInt8]) -> Void)?
    private let maxStateBytes: Int

    /// Serves every tenant of `registry`.
    public init(registry: TenantRegistry, settings: Settings, logger: Logger) {
        sides = TenantSides(registry: registry, journalSize: settings.journalSize)
        controlToken = settings.controlToken.map { Array($0.utf8) }
        self.logger = logger
        accessLog = settings.accessLog
        maxStateBytes = settings.maxStateBytes
        router = SaturnRoutes.make(servers: registry.settings.servers)
        controlRouter = ControlRoutes.make()
    }

    public func respond(to request: HTTPRequest, reply: HTTPReply) {
        let started = DispatchTime.now().uptimeNanoseconds
        let target: TenantTarget
        do {
            target = try TenantTarget(request, registry: sides.registry)
        } catch {
            return send(JSONResponse.error(ErrorRendering.response(for: error)), to: reply, for: request, started: started)
        }
        let context = RequestContext(
            request: request, path: target.path, side: sides.side(of: target.catalog), sides: sides, presentedToken: target.token
        )
        if target.isControl {
            return handle(context, with: controlRouter, isControl: true, fault: nil, reply: reply, started: started)
        }
        guard let rule = context.side.faults.match(method: request.method, path: target.path, caller: { try? context.caller().username }) else {
            return handle(context, with: router, isControl: false, fault: nil, reply: reply, started: started)
        }
        let act: @Sendable () -> Void = { [self] in
            // Answered meanwhile: the server stopped and told the client so; the request must not run after that.
            guard !reply.isSettled else { return }
            if rule.dropConnection {
                record(context, status: nil, changes: [], fault: rule.id, started: started)
                log(request, status: nil, started: started)
                reply.drop()
            } else if let status = rule.status {
                let answer = FaultRules.bodilessStatuses.contains(status) ? JSONResponse.noContent(status: status) : JSONResponse.make(status, WireFaultBody(rule: rule))
                finish(context, answer, changes: [], fault: rule.id, reply: reply, started: started)
            } else {
                handle(context, with: router, isControl: false, fault: rule.id, reply: reply, started: started)
            }
        }
        guard rule.delayMilliseconds > 0 else { return act() }
        // The connection waits suspended; no server thread is held for the delay.
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(rule.delayMilliseconds), execute: act)
    }

    /// Runs the route's handler and finishes with its answer (or its error's), once any write is durable.
    private func handle(_ context: RequestContext, with table: Router, isControl: Bool, fault: String?, reply: HTTPReply, started: UInt64) {
        let answer: Answer
        do {
            answer = try route(context, in: table, isControl: isControl)
        } catch {
            answer = .now(JSONResponse.error(ErrorRendering.response(for: error)))
        }
        switch answer {
        case let .now(response):
            finish(context, response, changes: [], fault: fault, reply: reply, started: started, journaled: journals(context, isControl))
        case let .whenDurable(pending, success, changes):
            pending.whenDurable { [self] error in
                let response = error.map { JSONResponse.error(ErrorRendering.response(for: $0)) } ?? success
                finish(context, response, changes: error == nil ? changes : [], fault: fault, reply: reply, started: started,
                       journaled: journals(context, isControl))
            }
        }
    }

    /// The request journal keeps what a client sent to the API: not control calls, not the UI's files.
    private func journals(_ context: RequestContext, _ isControl: Bool) -> Bool {
        !isControl && context.path.hasBytePrefix(Self.apiFolder)
    }

    private static let apiFolder = "/api/"

    /// Journals an API request (control calls are not), logs it and sends the answer.
    private func finish(
        _ context: RequestContext, _ response: HTTPResponse, changes: [RecordedChange], fault: String?, reply: HTTPReply,
        started: UInt64, journaled: Bool = true
    ) {
        if journaled { record(context, status: response.status, changes: changes, fault: fault, started: started) }
        send(response, to: reply, for: context.request, started: started)
    }

    private func route(_ context: RequestContext, in table: Router, isControl: Bool) throws -> Answer {
        let request = context.request
        if isControl { try checkControlToken(request) }
        switch table.match(method: request.method, path: context.path) {
        case let .handler(handler, parameters):
            var routed = context
            routed.parameters = parameters
            return try handler(routed)
        case let .methodNotAllowed(allowed):
            throw APIError.methodNotAllowed(method: request.method, path: request.path, allowed: allowed)
        case .notFound:
            throw APIError.noRoute(method: request.method, path: request.path)
        }
    }

    private func checkControlToken(_ request: HTTPRequest) throws {
        guard let controlToken else { return }
        guard let presented = try? Credentials.token(fromAuthorization: request.header("Authorization")),
              ConstantTime.equals(Array(presented.utf8), controlToken) else {
            throw APIError.controlTokenRequired
        }
    }

    private func record(_ context: RequestContext, status: Int?, changes: [RecordedChange], fault: String?, started: UInt64) {
        context.side.journal.record(
            context.request, path: context.path, parsedBody: context.bodyMemo.value, time: context.catalog.clock.now(),
            caller: context.callerMemo.value?.username,
            status: status, milliseconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6, changes: changes, fault: fault
        )
    }

    private func send(_ response: HTTPResponse, to reply: HTTPReply, for request: HTTPRequest, started: UInt64) {
        log(request, status: response.status, started: started)
        reply.send(response)
    }

    public func bodyLimit(for request: HTTPRequest, standard: Int) -> Int {
        TenantTarget.isStateImport(request) ? maxStateBytes : standard
    }

    public func respondToOversizedBody(_ request: HTTPRequest, limit: Int) -> HTTPResponse {
        let started = DispatchTime.now().uptimeNanoseconds
        let flag = TenantTarget.isStateImport(request) ? "--max-state-bytes" : "--max-body-bytes"
        let response = JSONResponse.error(ErrorRendering.response(for: APIError.payloadTooLarge(limit: limit, flag: flag)))
        log(request, status: response.status, started: started)
        return response
    }

    public func respondToUnsendableHeader(named name: String, status: Int) -> HTTPResponse {
        logger.error("a \(status) answer was replaced by a 500: its header '\(name)' cannot be sent (a bug in saturn-mock)")
        return JSONResponse.error(ErrorRendering.response(for: APIError.unsendableHeader(name: name, status: status)))
    }

    public func respondToShutdown(_ request: HTTPRequest) -> HTTPResponse {
        let response = JSONResponse.error(ErrorRendering.response(for: APIError.stopping))
        log(request, status: response.status, started: DispatchTime.now().uptimeNanoseconds)
        return response
    }

    public func connectionLimitReached(_ limit: Int) {
        logger.warning("\(limit) connections are open, the most --max-connections allows: new ones are closed at once until one closes")
    }

    /// One line per request: method, path, status (`dropped` for a dropped connection) and milliseconds; never
    /// headers, so never a token. Made only when the log level lets it through.
    private func log(_ request: HTTPRequest, status: Int?, started: UInt64) {
        let nanoseconds = DispatchTime.now().uptimeNanoseconds - started
        if let accessLog { return accessLog(Self.accessLine(request, status: status, nanoseconds: nanoseconds)) }
        guard logger.logLevel <= .info else { return }
        logger.info("\(String(decoding: Self.accessLine(request, status: status, nanoseconds: nanoseconds), as: UTF8.self))")
    }

    /// `METHOD PATH STATUS MILLISECONDSms`, written as bytes.
    static func accessLine(_ request: HTTPRequest, status: Int?, nanoseconds: UInt64) -> [UInt8] {
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
