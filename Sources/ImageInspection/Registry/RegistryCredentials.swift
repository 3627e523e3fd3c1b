import FoundationEssentials
import SaturnJSON

/// The user and password to give each registry host, as Docker keeps them (`~/.docker/config.json`'s `auths`: a
/// base64 `auth` of `user:password`, or `username` and `password`) or as given (`HOST=USER:PASSWORD`). A host with
/// none is asked anonymously.
public struct RegistryCredentials: Sendable {
    private var byHost: [String: String] = [:]

    /// No credentials.
    public init() {}

    /// Adds `HOST=USER:PASSWORD`.
    public mutating func add(_ text: String) throws(InspectionError) {
        guard let equals = text.firstIndex(of: "="), case let host = String(text[..<equals]), !host.isEmpty,
              case let pair = String(text[text.index(after: equals)...]), pair.contains(":"), !pair.hasPrefix(":") else {
            throw .unreadable("registry credentials are HOST=USER:PASSWORD, not '\(text.prefix { $0 != ":" })…'")
        }
        byHost[RegistryMap.canonical(host)] = pair
    }

    /// Adds the `auths` of a Docker configuration file; a file that is not there adds nothing.
    public mutating func load(dockerConfig path: String) throws(InspectionError) {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        guard case let .object(root)? = try? JSONValue.parse(Array(data)) else {
            throw .unreadable("\(path) is not a JSON document")
        }
        guard case let .object(auths)? = root["auths"] else { return }
        for (key, value) in auths {
            guard case let .object(entry) = value else { continue }
            var pair: String?
            if case let .string(encoded)? = entry["auth"], let decoded = Data(base64Encoded: encoded) {
                pair = String(decoding: decoded, as: UTF8.self)
            } else if case let .string(user)? = entry["username"], case let .string(password)? = entry["password"] {
                pair = "\(user):\(password)"
            }
            guard let pair, pair.contains(":") else { continue }
            byHost[RegistryMap.canonical(Self.host(ofKey: key))] = pair
        }
    }

    /// The Docker configuration file Docker itself reads: `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`.
    public static func defaultDockerConfig(environment: [String: String]) -> String? {
        if let folder = environment["DOCKER_CONFIG"] { return folder + "/config.json" }
        return environment["HOME"].map { $0 + "/.docker/config.json" }
    }

    /// The `Authorization` value of Basic credentials for `host`, if it has any.
    func basic(for host: String) -> String? {
        byHost[RegistryMap.canonical(host)].map { "Basic " + Data($0.utf8).base64EncodedString() }
    }

    /// An `auths` key (`https://index.docker.io/v1/`, `registry.example:5000`) as a host.
    private static func host(ofKey key: String) -> String {
        var host = Substring(key)
        for scheme in ["https://", "http://"] where host.hasPrefix(scheme) { host = host.dropFirst(scheme.count) }
        return String(host.prefix { $0 != "/" })
    }
}
