import Foundation
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

    /// One line per request: method, path, status and milliseconds; never headers, so never a token.
    private func log(_ request: HTTPRequest, _ response: HTTPResponse, started: UInt64) {
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
        let path = String(request.path.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
        let duration = String(format: "%.2f", milliseconds)
        logger.info("\(request.method) \(path) \(response.status) \(duration)ms")
    }
}
