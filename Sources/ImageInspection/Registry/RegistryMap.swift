/// Where each registry host is reached: by default `https://HOST` (Docker Hub at `https://registry-1.docker.io`),
/// or the URL a `HOST=URL` mapping gives, so that `public.ecr.aws` can stand for a registry on this machine.
public struct RegistryMap: Sendable {
    private var urls: [String: String] = [:]

    /// No mappings: every host is reached at its own address.
    public init() {}

    /// Adds `HOST=URL` (`public.ecr.aws=http://127.0.0.1:5000`).
    public mutating func add(_ mapping: String) throws(InspectionError) {
        guard let equals = mapping.firstIndex(of: "="), case let host = String(mapping[..<equals]), !host.isEmpty,
              !host.contains("/"), case var url = String(mapping[mapping.index(after: equals)...]),
              url.hasPrefix("http://") || url.hasPrefix("https://"), url.count > 8 else {
            throw .unreadable("a registry is HOST=URL (public.ecr.aws=http://127.0.0.1:5000), not '\(mapping)'")
        }
        while url.hasSuffix("/") { url.removeLast() }
        urls[Self.canonical(host)] = url
    }

    /// Whether no host is mapped.
    public var isEmpty: Bool { urls.isEmpty }

    /// The mapped hosts, sorted.
    public var hosts: [String] { urls.keys.sorted() }

    /// The URL the registry of `host` answers at, without a trailing slash.
    public func baseURL(for host: String) -> String {
        let host = Self.canonical(host)
        if let url = urls[host] { return url }
        return host == "docker.io" ? "https://registry-1.docker.io" : "https://\(host)"
    }

    /// Docker Hub's aliases as one name.
    static func canonical(_ host: String) -> String {
        ["index.docker.io", "registry-1.docker.io"].contains(host) ? "docker.io" : host
    }
}
