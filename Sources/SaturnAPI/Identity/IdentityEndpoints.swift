import MicroHTTP
import SaturnDomain

/// `/api/status`, `/api/user`, `/api/auth/token`.
enum IdentityEndpoints {
    /// The status never changes: encoded once.
    private static let statusResponse = JSONResponse.make(200, WireStatus()).preparedOnce()

    /// `GET /api/status`: no authentication, as saturn-client calls it before anything else.
    static func status(_ context: RequestContext) throws -> Answer {
        .now(statusResponse)
    }

    /// `GET /api/user`: the caller.
    static func currentUser(_ context: RequestContext) throws -> Answer {
        .now(JSONResponse.make(200, WireUser(user: try context.caller(), directory: context.tenant.directory)))
    }

    /// `POST /api/auth/token`: a refresh token traded for a new token pair, without an Authorization header, as
    /// saturn-client does after a 401 whose message says "expired".
    static func refreshToken(_ context: RequestContext) throws -> Answer {
        let body = try ObjectBody(context, allowed: ["grant_type", "refresh_token"])
        var issues = body.issues
        _ = body.fields?.oneOf("grant_type", ["refresh_token"], required: true, issues: &issues)
        let refreshToken = body.fields?.string("refresh_token", required: true, issues: &issues)
        guard issues.isEmpty, let refreshToken else { throw DomainError.invalid(issues) }
        let refreshed = try context.tenant.refresh(refreshToken: refreshToken)
        return .whenDurable(refreshed.commit, success: JSONResponse.make(200, WireTokenPair(minted: refreshed.value, now: context.tenant.clock.now())), changes: [])
    }
}
