import MicroHTTP
@testable import SaturnAPI

/// router: how a request's path finds its tenant and handler: `TenantTarget.canonical`, `TenantTarget` over the seed's
/// tenants (`default`, `t1`), and `Router.match` in the API's and the control plane's route tables. The input is
/// `METHOD path` (the path percent-decoded, as the server hands it over), or a path alone for a GET. The canonical path
/// is idempotent, keeps every non-empty segment and matches as the raw path does; the path a target routes is canonical.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let space = bytes.firstIndex(of: 0x20)
    let method = space.map { String(decoding: bytes[..<$0], as: UTF8.self) } ?? "GET"
    let path = String(decoding: space.map { bytes[($0 + 1)...] } ?? bytes[...], as: UTF8.self)

    let canonical = TenantTarget.canonical(path)
    fuzzCheck(TenantTarget.canonical(canonical) == canonical, "canonical('\(path)') = '\(canonical)' is not canonical")
    let slash = UInt8(ascii: "/")
    let segments = Array(path.utf8).split(separator: slash)
    fuzzCheck(Array(canonical.utf8) == [slash] + segments.joined(separator: [slash]), "canonical('\(path)') = '\(canonical)' lost or added a segment")
    for table in [RouteTables.api, RouteTables.control] {
        let raw = RouteTables.describe(table.match(method: method, path: path))
        let matched = RouteTables.describe(table.match(method: method, path: canonical))
        fuzzCheck(raw == matched, "\(method) '\(path)' matches \(raw), its canonical '\(canonical)' \(matched)")
    }

    let request = HTTPRequest(method: method, path: path)
    guard let target = try? TenantTarget(request, registry: SeedTenants.registry) else { return 0 }
    fuzzCheck(TenantTarget.canonical(target.path) == target.path, "'\(path)' routes '\(target.path)', which is not canonical")
    fuzzCheck(target.isControl == (target.path == "/_mock" || target.path.utf8.starts(with: "/_mock/".utf8)), "'\(target.path)' is control: \(target.isControl)")
    _ = (target.isControl ? RouteTables.control : RouteTables.api).match(method: method, path: target.path)
    _ = TenantTarget.isStateImport(request)
    return 0
}

/// The route tables as the API builds them, once.
enum RouteTables {
    static let api = SaturnRoutes.make(servers: .empty)
    static let control = ControlRoutes.make(coverage: SpecCoverage(api: api))

    /// What a match found, comparable: the handler itself is a closure.
    static func describe(_ match: Router.Match) -> String {
        switch match {
        case let .handler(_, parameters): return "handler \(parameters.sorted { $0.key < $1.key })"
        case let .methodNotAllowed(allowed): return "405 \(allowed)"
        case .notFound: return "404"
        }
    }
}
