import MicroHTTP
import SaturnDomain

/// A route table: method and path pattern to handler. Built once, then only read.
struct Router: Sendable {
    typealias Handler = @Sendable (RequestContext) throws -> Answer

    private enum Segment: Equatable {
        case literal(String)
        case parameter(String)
    }

    private struct Route {
        let method: String
        let template: String
        let pattern: [Segment]
        let handler: Handler
    }

    /// What the table says of a request.
    enum Match {
        case handler(Handler, parameters: [String: String])
        case methodNotAllowed(allowed: [String])
        case notFound
    }

    private var routes: [Route] = []
    /// Routes without parameters by method and path as written: most requests are found here in one look-up, without
    /// splitting their path. Anything else (another spelling of the path, a parameter) is tried against `byShape`.
    private var literal: [String: [String: Handler]] = [:]
    /// The routes by method and number of segments, in the order they were added: a path is tried against those
    /// alone, not against the whole table.
    private var byShape: [String: [Int: [Route]]] = [:]

    /// Adds a route; `{name}` segments capture into `RequestContext.parameters`.
    mutating func add(_ method: String, _ pattern: String, _ handler: @escaping Handler) {
        let segments = Self.segments(of: pattern).map { piece -> Segment in
            piece.hasPrefix("{") && piece.hasSuffix("}") ? .parameter(String(piece.dropFirst().dropLast())) : .literal(piece)
        }
        append(Route(method: method, template: pattern, pattern: segments, handler: handler))
    }

    /// This table with `first`'s routes tried before its own.
    func preferring(_ first: Router) -> Router {
        var merged = first
        for route in routes { merged.append(route) }
        return merged
    }

    private mutating func append(_ route: Route) {
        routes.append(route)
        byShape[route.method, default: [:]][route.pattern.count, default: []].append(route)
        if !route.pattern.contains(where: { if case .parameter = $0 { return true } else { return false } }) {
            literal[route.method, default: [:]][route.template] = literal[route.method]?[route.template] ?? route.handler
        }
    }

    /// Every route's method and path template, in the order they were added.
    var templates: [(method: String, path: String)] {
        routes.map { ($0.method, $0.template) }
    }

    /// Whether a route of `method` has `template`'s shape: the same literal segments, and a parameter wherever it has
    /// one, whatever their names. `/api/workspaces/{id}` does not serve `/api/workspaces/info`: a path that only a
    /// parameter captures is another operation.
    func serves(_ method: String, _ template: String) -> Bool {
        let shape = Self.segments(of: template).map { $0.hasPrefix("{") && $0.hasSuffix("}") ? "{}" : $0 }
        return routes.contains { route in
            route.method == method && route.pattern.map { segment in
                switch segment {
                case let .literal(text): text
                case .parameter: "{}"
                }
            } == shape
        }
    }

    /// Finds the handler; HEAD is served by the GET route (libmicrohttpd sends no body for it).
    func match(method: String, path: String) -> Match {
        let wanted = method == "HEAD" ? "GET" : method
        if let handler = literal[wanted]?[path] { return .handler(handler, parameters: [:]) }
        let pieces = Self.segments(of: path)
        for route in byShape[wanted]?[pieces.count] ?? [] {
            if let parameters = Self.capture(route.pattern, pieces) { return .handler(route.handler, parameters: parameters) }
        }
        // No route of this method takes the path: the methods whose routes would (405), or none (404).
        let allowed = routes.filter { $0.method != wanted && Self.capture($0.pattern, pieces) != nil }.map(\.method)
        return allowed.isEmpty ? .notFound : .methodNotAllowed(allowed: allowed)
    }

    /// The parameters a path captures, or nil when a literal segment differs. Literals are compared first, so that
    /// the routes that do not match (most of them) allocate nothing.
    private static func capture(_ pattern: [Segment], _ pieces: [String]) -> [String: String]? {
        guard pattern.count == pieces.count else { return nil }
        for (segment, piece) in zip(pattern, pieces) {
            if case let .literal(text) = segment, text != piece { return nil }
        }
        var parameters: [String: String] = [:]
        for (segment, piece) in zip(pattern, pieces) {
            if case let .parameter(name) = segment { parameters[name] = piece }
        }
        return parameters
    }

    /// Path segments; empty ones (a trailing or doubled slash) are ignored. Split on the path's bytes in place:
    /// this runs per request, and walking `String.UTF8View` indices cost several thousand instructions a path.
    private static func segments(of path: String) -> [String] {
        var path = path
        return path.withUTF8 { bytes in
            var pieces: [String] = []
            var start = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: "/") {
                if index > start { pieces.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                start = index + 1
            }
            return pieces
        }
    }
}
