import Dispatch
import FoundationEssentials
import Glibc
import Logging
import MicroHTTP
import SaturnDomain

/// The Saturn Cloud API as the mock serves it: routes requests, renders errors, logs one line per request.
public final class SaturnAPI: HTTPResponder {
    private let router: Router
    private let directory: IdentityDirectory
    private let logger: Logger

    /// Builds the route table over a catalog and the seed's identities.
    public init(catalog: RecipeCatalog, directory: IdentityDirectory, logger: Logger) {
        self.directory = directory
        self.logger = logger
        router = SaturnRoutes.make(
            recipes: RecipeEndpoints(catalog: catalog),
            identity: IdentityEndpoints(directory: directory)
        )
    }

    public func respond(to request: HTTPRequest, reply: HTTPReply) {
        let started = DispatchTime.now().uptimeNanoseconds
        let finish: @Sendable (HTTPResponse) -> Void = { [self] response in
            log(request, response, started: started)
            reply.send(response)
        }
        do {
            switch try answer(request) {
            case let .now(response):
                finish(response)
            case let .whenDurable(pending, success):
                pending.whenDurable { error in
                    finish(error.map { JSONResponse.error(ErrorRendering.response(for: $0)) } ?? success)
                }
            }
        } catch {
            finish(JSONResponse.error(ErrorRendering.response(for: error)))
        }
    }

    private func answer(_ request: HTTPRequest) throws -> Answer {
        switch router.match(method: request.method, path: request.path) {
        case let .handler(handler, parameters):
            return try handler(RequestContext(request: request, parameters: parameters, directory: directory))
        case let .methodNotAllowed(allowed):
            throw APIError.methodNotAllowed(method: request.method, path: request.path, allowed: allowed)
        case .notFound:
            throw APIError.noRoute(method: request.method, path: request.path)
        }
    }

    public func respondToOversizedBody(_ request: HTTPRequest, limit: Int) -> HTTPResponse {
        let started = DispatchTime.now().uptimeNanoseconds
        let response = JSONResponse.error(ErrorRendering.response(for: APIError.payloadTooLarge(limit: limit)))
        log(request, response, started: started)
        return response
    }

    public func respondToUnsendableHeader(named name: String, status: Int) -> HTTPResponse {
        logger.error("a \(status) answer was replaced by a 500: its header '\(name)' cannot be sent (a bug in saturn-mock)")
        return JSONResponse.error(ErrorRendering.response(for: APIError.unsendableHeader(name: name, status: status)))
    }

    /// One line per request: method, path, status and milliseconds; never headers, so never a token.
    /// The line is only formatted when the level lets it through.
    private func log(_ request: HTTPRequest, _ response: HTTPResponse, started: UInt64) {
        let nanoseconds = DispatchTime.now().uptimeNanoseconds - started
        logger.info("\(request.method) \(Self.printable(request.path)) \(response.status) \(Self.milliseconds(nanoseconds))ms")
    }

    /// The path with control characters (percent-decoded from the request) shown as `?`, so a line stays one line.
    static func printable(_ path: String) -> String {
        guard path.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return path }
        return String(path.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
    }

    /// Milliseconds with two decimals, without the cost of a format string.
    static func milliseconds(_ nanoseconds: UInt64) -> String {
        let hundredths = (nanoseconds + 5_000) / 10_000
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
