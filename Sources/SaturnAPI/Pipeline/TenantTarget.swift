import MicroHTTP
import SaturnDomain

/// Which tenant a request reaches, and the path inside it: by its `/t/NAME` prefix, else by the tenant that issued
/// its token, else the default tenant. Paths under `/_mock` are the control plane.
///
/// The path is made canonical first, and routing, fault rules and the request journal all read that one spelling:
/// empty segments (a doubled or a trailing slash) are dropped, as the router always ignored them, so that
/// `/t/T//api/recipes` (a base URL with its slash, joined to `/api/recipes`) is `/t/T/api/recipes` everywhere.
///
/// `/t/api/...` is `/api/...` routed by token: saturn-client joins some paths to its base URL with `urljoin`, which
/// drops the last segment of a base URL without a trailing slash (`.../t/NAME` + `api/x` gives `.../t/api/x`).
/// That is why no tenant may be named `api` (`TenantRegistry.reservedNames`).
struct TenantTarget {
    static let prefix = "/t/"
    static let controlPath = "/_mock"
    private static let apiUnderPrefix = "/t/api/"
    private static let controlFolder = "/_mock/"

    let tenant: Tenant
    /// The path without the tenant prefix.
    let path: String
    let isControl: Bool
    /// The request's token, when routing read it (requests without a prefix).
    private(set) var token: String?

    init(_ request: HTTPRequest, registry: TenantRegistry) throws {
        let address = Self.address(request.path)
        if let name = address.tenant {
            guard let named = registry.tenant(named: name) else { throw APIError.unknownTenant(name) }
            tenant = named
        } else {
            token = try? Credentials.token(fromAuthorization: request.header("Authorization"))
            tenant = token.flatMap(registry.tenant(forToken:)) ?? registry.defaultTenant
        }
        path = address.path
        isControl = path.hasBytePrefix(Self.controlFolder) || path == Self.controlPath
    }

    /// The tenant a path names by its prefix, if it names one, and the canonical path inside it: the one reading of
    /// a path, for routing and for choosing a body's limit.
    static func address(_ requestPath: String) -> (tenant: String?, path: String) {
        var path = canonical(requestPath)
        if path.hasBytePrefix(apiUnderPrefix) {
            path.removeFirst(prefix.count - 1)
        }
        guard path.hasBytePrefix(prefix) else { return (nil, path) }
        let rest = path.dropFirst(prefix.count)
        let name = rest.prefix { $0 != "/" }
        let inside = String(rest.dropFirst(name.count))
        return (String(name), inside.isEmpty ? "/" : inside)
    }

    /// Whether the request loads a state document (`PUT /_mock/state` of any tenant), whose body has its own limit.
    static func isStateImport(_ request: HTTPRequest) -> Bool {
        request.method == "PUT" && address(request.path).path == stateImportPath
    }

    private static let stateImportPath = "/_mock/state"

    /// The path without empty segments: `/` then the segments joined by single slashes (`/` for none).
    static func canonical(_ path: String) -> String {
        var path = path
        return path.withUTF8 { bytes in
            let slash = UInt8(ascii: "/")
            let isCanonical = bytes.first == slash && (bytes.count == 1 || bytes[bytes.count - 1] != slash)
                && !(1..<max(bytes.count, 1)).contains { bytes[$0] == slash && bytes[$0 - 1] == slash }
            if isCanonical { return nil }
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count + 1)
            for byte in bytes where byte != slash || kept.last != slash {
                if kept.isEmpty && byte != slash { kept.append(slash) }
                kept.append(byte)
            }
            if kept.isEmpty { kept.append(slash) }
            if kept.count > 1 && kept.last == slash { kept.removeLast() }
            return String(decoding: kept, as: UTF8.self)
        } ?? path
    }
}
