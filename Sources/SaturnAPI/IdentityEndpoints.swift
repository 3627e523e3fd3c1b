import MicroHTTP
import SaturnDomain

/// `/api/status`, `/api/user`, `/api/orgs`.
struct IdentityEndpoints: Sendable {
    let directory: IdentityDirectory
    /// The status never changes: encoded once.
    private let statusResponse = JSONResponse.make(200, WireStatus())

    init(directory: IdentityDirectory) {
        self.directory = directory
    }

    /// `GET /api/status`: no authentication, as saturn-client calls it before anything else.
    func status(_ context: RequestContext) throws -> Answer {
        .now(statusResponse)
    }

    /// `GET /api/user`: the caller.
    func currentUser(_ context: RequestContext) throws -> Answer {
        .now(JSONResponse.make(200, WireUser(user: try context.caller())))
    }

    /// `GET /api/orgs`: the caller's orgs, `is_primary` on its default one.
    func orgs(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let orgs = directory.orgs
            .filter { caller.role(in: $0.name) != nil }
            .map { WireOrg(org: $0, isDefault: $0.name == caller.defaultOrg) }
        // Every org of the caller fits one page.
        return .now(JSONResponse.make(200, WirePage(itemsKey: "orgs", items: orgs, prevKey: nil, nextKey: nil)))
    }
}
