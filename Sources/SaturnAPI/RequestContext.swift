import MicroHTTP
import SaturnDomain
import SaturnJSON
import Synchronization

/// One request on its way through a handler: the request, the path inside its tenant, the captured path
/// parameters, and the tenant it reached.
struct RequestContext: Sendable {
    let request: HTTPRequest
    /// The path without the `/t/NAME` prefix.
    let path: String
    var parameters: [String: String] = [:]
    let side: TenantSide
    let sides: TenantSides
    /// The token, when tenant routing has read it already.
    var presentedToken: String?
    /// Who the request authenticated as, once a handler asked: the request journal names the caller.
    let callerMemo = CallerMemo()

    /// The tenant's installation.
    var catalog: RecipeCatalog { side.catalog }

    /// The authenticated user of the tenant, or a 401.
    func caller() throws -> User {
        if let known = callerMemo.user { return known }
        let token = try presentedToken ?? Credentials.token(fromAuthorization: request.header("Authorization"))
        let user = try catalog.authenticate(token: token)
        callerMemo.user = user
        return user
    }

    /// The body as JSON, or a 400.
    func jsonBody() throws -> JSONValue {
        do {
            return try JSONValue.parse(request.body)
        } catch {
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

/// The user a request authenticated as, kept for the request journal.
final class CallerMemo: Sendable {
    private let known = Mutex<User?>(nil)

    var user: User? {
        get { known.withLock { $0 } }
        set { known.withLock { $0 = newValue } }
    }
}
