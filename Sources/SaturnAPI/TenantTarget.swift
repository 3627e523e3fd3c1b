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
    private static let apiUnderPrefix = "/t/api/"
    private static let controlFolder = "/_mock/"

    let catalog: RecipeCatalog
    /// The path without the tenant prefix.
    let path: String
    let isControl: Bool
    /// The request's token, when routing read it (requests without a prefix).
    private(set) var token: String?

    init(_ request: HTTPRequest, registry: TenantRegistry) throws {
        var path = request.path
        if path.hasBytePrefix(Self.apiUnderPrefix) {
            path.removeFirst(Self.prefix.count - 1)
        }
        if path.hasBytePrefix(Self.prefix) {
            let rest = path.dropFirst(Self.prefix.count)
            let name = rest.prefix { $0 != "/" }
            guard let named = registry.catalog(named: String(name)) else { throw APIError.unknownTenant(String(name)) }
            catalog = named
            path = String(rest.dropFirst(name.count))
            if path.isEmpty { path = "/" }
        } else {
            token = try? Credentials.token(fromAuthorization: request.header("Authorization"))
            catalog = token.flatMap(registry.catalog(forToken:)) ?? registry.defaultCatalog
        }
        self.path = path
        isControl = path.hasBytePrefix(Self.controlFolder) || path == Self.controlPath
    }
}

extension String {
    /// `hasPrefix` for an ASCII prefix, compared as bytes in place: it runs three times a request.
    func hasBytePrefix(_ prefix: String) -> Bool {
        let inPlace = utf8.withContiguousStorageIfAvailable { bytes in
            prefix.utf8.withContiguousStorageIfAvailable { wanted in
                bytes.count >= wanted.count && (0..<wanted.count).allSatisfy { bytes[$0] == wanted[$0] }
            }
        }
        return (inPlace ?? nil) ?? utf8.starts(with: prefix.utf8)
    }
}
