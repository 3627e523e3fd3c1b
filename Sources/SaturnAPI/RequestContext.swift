import MicroHTTP
import SaturnDomain
import SaturnJSON
import Synchronization

/// One request on its way through a handler: the request, the path inside its tenant, the captured path
/// parameters, and the tenant it reached. The parts that never change are kept in one `RequestFrame`: the context
/// is copied into every closure a request passes through, and copying eight references each time showed in profiles.
struct RequestContext: Sendable {
    private let frame: RequestFrame
    var parameters: [String: String] = [:]

    init(request: HTTPRequest, path: String, side: TenantSide, sides: TenantSides, presentedToken: String?) {
        frame = RequestFrame(request: request, path: path, side: side, sides: sides, presentedToken: presentedToken)
    }

    var request: HTTPRequest { frame.request }
    /// The path without the `/t/NAME` prefix.
    var path: String { frame.path }
    var side: TenantSide { frame.side }
    var sides: TenantSides { frame.sides }
    /// The token, when tenant routing has read it already.
    var presentedToken: String? { frame.presentedToken }
    /// Who the request authenticated as, once a handler asked: the request journal names the caller.
    var callerMemo: Memo<User> { frame.callerMemo }
    /// The body as a handler read it, once one did: the request journal redacts it without reading it again.
    var bodyMemo: Memo<JSONValue> { frame.bodyMemo }

    /// The tenant's installation.
    var catalog: RecipeCatalog { side.catalog }

    /// The authenticated user of the tenant, or a 401.
    func caller() throws -> User {
        if let known = callerMemo.value { return known }
        let token = try presentedToken ?? Credentials.token(fromAuthorization: request.header("Authorization"))
        let user = try catalog.authenticate(token: token)
        callerMemo.value = user
        return user
    }

    /// The body as JSON: a 400 when it is not JSON, a 422 naming the path of a value the mock does not keep (a
    /// number it cannot hold exactly, nesting past `JSONParser.requestDepth`), so that nothing accepted fails to load.
    func jsonBody() throws -> JSONValue {
        if let known = bodyMemo.value { return known }
        do {
            let value = try JSONValue.parse(request.body, maximumDepth: JSONParser.requestDepth)
            bodyMemo.value = value
            return value
        } catch {
            if let limit = error.limit { throw DomainError.invalid(at: limit.path, limit.problem) }
            throw APIError.malformedJSON(reason: error.reason)
        }
    }

    /// A captured path parameter.
    func parameter(_ name: String) -> String {
        parameters[name] ?? ""
    }

    /// The URL a client reaches a tenant at, from the host this request came to.
    func baseURL(of tenant: String) -> String {
        let host = request.header("Host") ?? "127.0.0.1"
        return tenant == TenantRegistry.defaultTenant ? "http://\(host)/" : "http://\(host)/t/\(tenant)/"
    }
}

/// What a request's context holds that never changes.
private final class RequestFrame: Sendable {
    let request: HTTPRequest
    let path: String
    let side: TenantSide
    let sides: TenantSides
    let presentedToken: String?
    let callerMemo = Memo<User>()
    let bodyMemo = Memo<JSONValue>()

    init(request: HTTPRequest, path: String, side: TenantSide, sides: TenantSides, presentedToken: String?) {
        self.request = request
        self.path = path
        self.side = side
        self.sides = sides
        self.presentedToken = presentedToken
    }
}

/// Something a request worked out once (who it authenticated as, its body as JSON), kept for the request journal.
final class Memo<Value: Sendable>: Sendable {
    private let known = Mutex<Value?>(nil)

    var value: Value? {
        get { known.withLock { $0 } }
        set { known.withLock { $0 = newValue } }
    }
}
