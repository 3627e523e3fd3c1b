import Dispatch
import Logging
import MicroHTTP
import SaturnDomain

/// The Saturn Cloud API as the mock serves it, for every tenant, with the control plane under `/_mock/`. Each
/// request goes through one pipeline; `steps` is its whole order.
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
        /// The registries' checks of `serve --registry`, which `GET /_mock/image-checks` answers from.
        public var imageChecks: ImageChecks?

        /// The defaults: 1,000 journal entries, an open control plane.
        public init() {}
    }

    private let servedTenants: ServedTenants
    private let pipeline: Pipeline
    private let accessLog: AccessLog
    private let logger: Logger
    private let maxStateBytes: Int

    /// Serves every tenant of `registry`.
    public init(registry: TenantRegistry, settings: Settings, logger: Logger) {
        servedTenants = ServedTenants(registry: registry, journalSize: settings.journalSize)
        accessLog = AccessLog(sink: settings.accessLog, logger: logger)
        self.logger = logger
        maxStateBytes = settings.maxStateBytes
        pipeline = Pipeline(Self.steps(
            accessLog: accessLog, controlToken: settings.controlToken.map { Array($0.utf8) }, servers: registry.settings.servers,
            imageChecks: settings.imageChecks
        ))
    }

    /// A request's way through, in order. The access line and the journal see every answer given after them;
    /// faults act after the journal, so that it shows what they did, and never on control calls.
    private static func steps(accessLog: AccessLog, controlToken: [UInt8]?, servers: ServerCatalog, imageChecks: ImageChecks?) -> [any PipelineStep] {
        let api = SaturnRoutes.make(servers: servers)
        let coverage = SpecCoverage(api: api)
        return [
            accessLog,
            TenantResolution(),
            ControlGuard(controlToken: controlToken),
            RequestJournaling(),
            FaultInjection(),
            Routing(coverage: coverage, control: ControlRoutes.make(coverage: coverage, imageChecks: imageChecks)),
        ]
    }

    public func respond(to request: HTTPRequest, reply: HTTPReply) {
        pipeline.start(RequestContext(request: request, reply: reply, pipeline: pipeline, servedTenants: servedTenants))
    }

    public func bodyLimit(for request: HTTPRequest, standard: Int) -> Int {
        if TenantTarget.isStateImport(request) { return maxStateBytes }
        return ObjectTransferEndpoints.bodyLimit(request, servedTenants: servedTenants) ?? standard
    }

    public func respondToOversizedBody(_ request: HTTPRequest, limit: Int) -> HTTPResponse {
        let started = DispatchTime.now().uptimeNanoseconds
        let flag = TenantTarget.isStateImport(request) ? "--max-state-bytes"
            : ObjectTransferEndpoints.bodyLimit(request, servedTenants: servedTenants) != nil ? "the size its presigned URL was made for" : "--max-body-bytes"
        let response = JSONResponse.error(ErrorRendering.response(for: APIError.payloadTooLarge(limit: limit, flag: flag)))
        accessLog.write(request, status: response.status, started: started)
        return response
    }

    public func respondToShutdown(_ request: HTTPRequest) -> HTTPResponse {
        let response = JSONResponse.error(ErrorRendering.response(for: APIError.stopping))
        accessLog.write(request, status: response.status, started: DispatchTime.now().uptimeNanoseconds)
        return response
    }

    public func respondToUnsendableHeader(named name: String, status: Int) -> HTTPResponse {
        logger.error("a \(status) answer was replaced by a 500: its header '\(name)' cannot be sent (a bug in saturn-mock)")
        return JSONResponse.error(ErrorRendering.response(for: APIError.unsendableHeader(name: name, status: status)))
    }

    public func connectionLimitReached(_ limit: Int) {
        logger.warning("\(limit) connections are open, the most --max-connections allows: new ones are closed at once until one closes")
    }
}
