import MicroHTTP
import SaturnDomain

/// Which tenant a request reaches, and the path inside it: by its `/t/NAME` prefix, else by the tenant that issued
/// its token, else the default tenant. Paths under `/_mock` are the control plane.
///
/// `/t/api/...` is `/api/...` routed by token: saturn-client joins some paths to its base URL with `urljoin`, which
/// drops the last segment of a base URL without a trailing slash (`.../t/NAME` + `api/x` gives `.../t/api/x`).
/// That is why no tenant may be named `api` (`TenantRegistry.reservedNames`).
struct TenantTarget {
    static let prefix = "/t/"
    static let controlPath = "/_mock"

    let catalog: RecipeCatalog
    /// The path without the tenant prefix.
    let path: String
    let isControl: Bool

    init(_ request: HTTPRequest, registry: TenantRegistry) throws {
        var path = request.path
        if path.hasPrefix(Self.prefix + "api/") {
            path.removeFirst(Self.prefix.count - 1)
        }
        if path.hasPrefix(Self.prefix) {
            let rest = path.dropFirst(Self.prefix.count)
            let name = rest.prefix { $0 != "/" }
            guard let named = registry.catalog(named: String(name)) else { throw APIError.unknownTenant(String(name)) }
            catalog = named
            path = String(rest.dropFirst(name.count))
            if path.isEmpty { path = "/" }
        } else if let token = try? Credentials.token(fromAuthorization: request.header("Authorization")),
                  let issuer = registry.catalog(forToken: token) {
            catalog = issuer
        } else {
            catalog = registry.defaultCatalog
        }
        self.path = path
        isControl = path == Self.controlPath || path.hasPrefix(Self.controlPath + "/")
    }
}
