import Dispatch
import MicroHTTP
import SaturnDomain
import SaturnJSON
import Synchronization

/// One request on its way through the pipeline and its handler: the request, what the steps learned of it, and
/// where its answer goes. What is fixed on arrival, and what is worked out once, is kept in one `RequestFrame`: the
/// context is copied wherever a step learns something, and into every closure a request passes through.
struct RequestContext: Sendable {
    private let frame: RequestFrame
    /// The canonical path inside the tenant, without its `/t/NAME` prefix (`TenantResolution`).
    var path: String
    /// The tenant the request reached (`TenantResolution`); the default tenant until then.
    var served: ServedTenant
    /// Whether it is a control call, under `/_mock/` (`TenantResolution`).
    var isControl = false
    /// The token, when tenant routing read it already.
    var presentedToken: String?
    /// The fault rule that acted on it (`FaultInjection`).
    var fault: String?
    /// The captured path parameters (`Routing`).
    var parameters: [String: String] = [:]

    /// A request as it arrives, before any step ran.
    init(request: HTTPRequest, reply: HTTPReply, pipeline: Pipeline, servedTenants: ServedTenants) {
        frame = RequestFrame(request: request, reply: reply, pipeline: pipeline, servedTenants: servedTenants)
        path = request.path
        served = servedTenants.defaultTenant
    }

    var request: HTTPRequest { frame.request }
    /// When it arrived, in `DispatchTime` nanoseconds.
    var started: UInt64 { frame.started }
    var reply: HTTPReply { frame.reply }
    var servedTenants: ServedTenants { frame.servedTenants }
    var registry: TenantRegistry { frame.servedTenants.registry }
    /// The step the request is at: the steps up to this one see its answer. Steps run one after another.
    var stage: Int {
        get { frame.stage.load(ordering: .acquiring) }
        nonmutating set { frame.stage.store(newValue, ordering: .releasing) }
    }
    /// Who the request authenticated as, once a handler asked: the request journal names the caller.
    var knownCaller: User? { frame.caller.withLock { $0 } }
    /// The body as a handler read it, once one did: the request journal redacts it without reading it again.
    var knownBody: JSONValue? { frame.body.withLock { $0 } }

    /// The tenant the request reached.
    var tenant: Tenant { served.tenant }

    /// Answers the request: the steps it passed see the answer on its way out. Only the first answer counts.
    func answer(_ response: HTTPResponse, changes: [RecordedChange] = []) {
        frame.pipeline.finish(self, .sent(response, changes: changes))
    }

    /// Answers with an error's status and Saturn-shaped body.
    func answer(_ error: any Error) {
        answer(ErrorRendering.answer(for: error))
    }

    /// Closes the connection without an answer, as a network failure would.
    func drop() {
        frame.pipeline.finish(self, .dropped)
    }

    /// The authenticated user of the tenant, or a 401.
    func caller() throws -> User {
        if let known = knownCaller { return known }
        let token = try presentedToken ?? Credentials.token(fromAuthorization: request.header("Authorization"))
        let user = try tenant.authenticate(token: token)
        frame.caller.withLock { $0 = user }
        return user
    }

    /// The body as JSON: a 400 when it is not JSON, a 422 naming the path of a value the mock does not keep (a
    /// number it cannot hold exactly, nesting past `JSONParser.requestDepth`), so that nothing accepted fails to load.
    func jsonBody() throws -> JSONValue {
        if let known = knownBody { return known }
        do {
            let value = try JSONValue.parse(request.body, maximumDepth: JSONParser.requestDepth)
            frame.body.withLock { $0 = value }
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
    let started = DispatchTime.now().uptimeNanoseconds
    let reply: HTTPReply
    let pipeline: Pipeline
    let servedTenants: ServedTenants
    let stage = Atomic<Int>(0)
    let caller = Mutex<User?>(nil)
    let body = Mutex<JSONValue?>(nil)

    init(request: HTTPRequest, reply: HTTPReply, pipeline: Pipeline, servedTenants: ServedTenants) {
        self.request = request
        self.reply = reply
        self.pipeline = pipeline
        self.servedTenants = servedTenants
    }
}
