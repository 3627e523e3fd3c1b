import FoundationEssentials
import SaturnJSON
import Synchronization

/// The Docker Registry HTTP API v2, through libcurl: manifests (every media type accepted), blobs, and the
/// credentials a registry asks for: none, Basic, or a Bearer token from the realm its challenge names (with Basic
/// credentials when there are some). Tokens are kept per host and repository.
public final class RegistryClient: Sendable {
    private let map: RegistryMap
    private let credentials: RegistryCredentials
    private let authorizations = Mutex<[String: String]>([:])
    private let timeout: Int?

    /// A client that reaches hosts through `map` with `credentials`; with a `timeout`, each request gives up after
    /// that many seconds (else only a registry that stops sending for 30 s is given up on).
    public init(map: RegistryMap, credentials: RegistryCredentials, timeout: Int? = nil) {
        self.map = map
        self.credentials = credentials
        self.timeout = timeout
    }

    /// The manifest (or index) `name` names, and its digest.
    func manifest(_ name: ImageName, reference: String? = nil) throws(InspectionError) -> (digest: String, bytes: [UInt8]) {
        let reference = reference ?? name.reference
        var bytes: [UInt8] = []
        let answer = try request(name, path: "/manifests/\(reference)", accept: MediaTypes.manifests) { chunk in
            bytes.append(contentsOf: chunk)
            return bytes.count <= 4 << 20
        }
        try check(answer, name)
        let digest = answer.header("docker-content-digest") ?? (reference.contains(":") ? reference : "unknown")
        return (digest, bytes)
    }

    /// A small blob (a configuration) by digest.
    func blob(_ name: ImageName, digest: String) throws(InspectionError) -> [UInt8] {
        var bytes: [UInt8] = []
        let answer = try request(name, path: "/blobs/\(digest)", accept: []) { chunk in
            bytes.append(contentsOf: chunk)
            return bytes.count <= 4 << 20
        }
        try check(answer, name)
        return bytes
    }

    /// A blob's bytes handed to `sink` as they arrive; a sink that returns false stops the transfer.
    func stream(_ name: ImageName, digest: String, sink: @escaping (UnsafeRawBufferPointer) -> Bool) throws(InspectionError) {
        try check(try request(name, path: "/blobs/\(digest)", accept: [], sink: sink), name)
    }

    private func request(
        _ name: ImageName, path: String, accept: [String], sink: @escaping (UnsafeRawBufferPointer) -> Bool
    ) throws(InspectionError) -> CurlTransfer.Answer {
        let url = map.baseURL(for: name.host) + "/v2/" + name.repository + path
        let key = "\(name.host) \(name.repository)"
        var authorization = authorizations.withLock { $0[key] }
        let headers = accept.isEmpty ? [] : ["Accept: " + accept.joined(separator: ", ")]
        var retried = false
        while true {
            let answer = try CurlTransfer.get(url, headers: headers + (authorization.map { ["Authorization: \($0)"] } ?? []), timeout: timeout, sink: sink)
            // One more try with what the challenge asks for; a second 401 is the registry's last word.
            guard answer.status == 401, !retried,
                  let challenge = answer.header("www-authenticate").flatMap(AuthChallenge.init(header:)),
                  let granted = try authorize(challenge, name) else { return answer }
            retried = true
            authorization = granted
            authorizations.withLock { $0[key] = granted }
        }
    }

    /// The `Authorization` value a challenge asks for; nil when there is nothing to answer it with.
    private func authorize(_ challenge: AuthChallenge, _ name: ImageName) throws(InspectionError) -> String? {
        let basic = credentials.basic(for: name.host)
        switch challenge.scheme {
        case "basic":
            return basic
        case "bearer":
            guard let realm = challenge.parameters["realm"] else { return nil }
            var query = ["scope=" + (challenge.parameters["scope"] ?? "repository:\(name.repository):pull")]
            if let service = challenge.parameters["service"] { query.insert("service=" + service, at: 0) }
            let url = realm + (realm.contains("?") ? "&" : "?") + query.map(Self.escapeQuery).joined(separator: "&")
            var bytes: [UInt8] = []
            let answer = try CurlTransfer.get(url, headers: basic.map { ["Authorization: \($0)"] } ?? [], timeout: timeout) { chunk in
                bytes.append(contentsOf: chunk)
                return bytes.count <= 1 << 20
            }
            guard answer.status == 200, case let .object(members)? = try? JSONValue.parse(bytes),
                  case let .string(token)? = members["token"] ?? members["access_token"] else { return nil }
            return "Bearer " + token
        default:
            return nil
        }
    }

    /// What a registry's error answer means.
    private func check(_ answer: CurlTransfer.Answer, _ name: ImageName) throws(InspectionError) {
        guard answer.status / 100 != 2 else { return }
        let registry = map.baseURL(for: name.host)
        var code = "", message = String(decoding: answer.errorBody.prefix(200), as: UTF8.self)
        if case let .object(members)? = try? JSONValue.parse(answer.errorBody), case let .array(errors)? = members["errors"],
           case let .object(first)? = errors.first {
            if case let .string(text)? = first["code"] { code = text }
            if case let .string(text)? = first["message"] { message = text }
        }
        switch (answer.status, code) {
        case (_, "MANIFEST_UNKNOWN"), (_, "NAME_UNKNOWN"), (404, _): throw .manifestUnknown(reference: name.description, registry: registry)
        case (401, _), (403, _), (_, "UNAUTHORIZED"), (_, "DENIED"): throw .unauthorized(reference: name.description, registry: registry)
        default: throw .registry(reference: name.description, status: answer.status, message: message.isEmpty ? "no message" : message)
        }
    }

    /// A `name=value` query part with the value's reserved characters percent-encoded.
    private static func escapeQuery(_ part: String) -> String {
        guard let equals = part.firstIndex(of: "=") else { return part }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        var escaped = String(part[...equals])
        for byte in part[part.index(after: equals)...].utf8 {
            if allowed.contains(byte) { escaped.unicodeScalars.append(UnicodeScalar(byte)) } else {
                escaped += (byte < 16 ? "%0" : "%") + String(byte, radix: 16, uppercase: true)
            }
        }
        return escaped
    }
}
