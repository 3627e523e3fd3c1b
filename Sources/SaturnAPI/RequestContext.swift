import MicroHTTP
import SaturnDomain
import SaturnJSON

/// One request on its way through a handler: the request, the captured path parameters and the identities to check.
struct RequestContext {
    let request: HTTPRequest
    let parameters: [String: String]
    let directory: IdentityDirectory

    /// The authenticated user, or a 401.
    func caller() throws -> User {
        try directory.authenticate(token: Credentials.token(fromAuthorization: request.header("Authorization")))
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
}
