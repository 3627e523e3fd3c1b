import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import Testing
import MicroHTTP
import SaturnAPI
import SaturnDomain
import SaturnStore

/// A saturn-mock over the repository's seed, with its own data folder, reached one of two ways: in process, through
/// the responder's pipeline and router with no socket (the default: most tests are not about HTTP), or as a real
/// server on port 0 with a real HTTP client (tests of the adapter, and the end-to-end paths).
final class TestServer: @unchecked Sendable {
    enum Transport {
        case inProcess
        case socket
    }

    static let seedPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../data/seed.json").standardized.path
    static let documentRecipePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../data/examples/import-existing-docker-images.json").standardized.path

    static let adminToken = "alice-admin-token"
    static let memberToken = "bob-member-token"
    static let otherOrgAdminToken = "carol-globex-admin-token"
    static let expiredToken = "alice-expired-token"
    /// The port an in-process server's requests say they came to, in their `Host` header.
    static let inProcessPort = 8484

    let transport: Transport
    let dataDirectory: URL
    /// The bound port, or `inProcessPort`.
    let port: Int
    private let api: SaturnAPI
    private let server: HTTPServer?
    private let store: any RecipeStore
    private let session = URLSession(configuration: .ephemeral)

    /// Starts a server; pass the `dataDirectory` of a stopped one to restart on the same data. `store` replaces the
    /// journal store in that folder.
    init(
        _ transport: Transport = .inProcess, dataDirectory: URL? = nil, strict: Bool = false, maxBodyBytes: Int = 1 << 20,
        store: (any RecipeStore)? = nil, tenancy: TenantSettings = TenantSettings(), api settings: SaturnAPI.Settings = SaturnAPI.Settings()
    ) throws {
        self.transport = transport
        self.dataDirectory = dataDirectory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("saturn-mock-test-\(UUID().uuidString)")
        let directory = try Seed.load(path: Self.seedPath)
        let store = try store ?? JournalRecipeStore(folder: self.dataDirectory.path)
        self.store = store
        var tenancy = tenancy
        tenancy.strictImageURIs = strict
        tenancy.servers = try ServerCatalog.load(seedPath: Self.seedPath)
        let registry = TenantRegistry(seed: directory, queue: CommitQueue(store: store), settings: tenancy)
        let logger = Logger(label: "saturn-mock-test") { _ in SwiftLogNoOpLogHandler() }
        api = SaturnAPI(registry: registry, settings: settings, logger: logger)
        switch transport {
        case .inProcess:
            server = nil
            port = Self.inProcessPort
        case .socket:
            let server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, maxBodyBytes: maxBodyBytes), responder: api)
            port = try server.start()
            self.server = server
        }
    }

    /// Stops serving and releases the store, as the command does on SIGTERM.
    func stop() {
        server?.stop()
        store.close()
    }

    /// Stops the server and removes its data folder.
    func discard() {
        stop()
        try? FileManager.default.removeItem(at: dataDirectory)
    }

    /// Sends a request; `token` nil sends no Authorization header.
    func send(
        _ method: String,
        _ path: String,
        token: String? = TestServer.adminToken,
        authorization: String? = nil,
        body: String? = nil,
        bodyData: Data? = nil,
        extraHeaders: [String: String] = [:]
    ) async throws -> TestResponse {
        var headers = extraHeaders
        if let authorization {
            headers["Authorization"] = authorization
        } else if let token {
            headers["Authorization"] = "Bearer \(token)"
        }
        let data = bodyData ?? body.map { Data($0.utf8) }
        if data != nil, headers["Content-Type"] == nil { headers["Content-Type"] = "application/json" }
        switch transport {
        case .inProcess: return await sendInProcess(method, path, headers: headers, body: data)
        case .socket: return try await sendOverSocket(method, path, headers: headers, body: data)
        }
    }

    /// Hands the request to the responder as the adapter would: path and query percent-decoded, a `Host` header.
    private func sendInProcess(_ method: String, _ target: String, headers: [String: String], body: Data?) async -> TestResponse {
        let (path, query) = Self.split(target)
        let request = HTTPRequest(
            method: method, path: path, query: query, headers: [("Host", "127.0.0.1:\(port)")] + headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            body: body.map { Array($0) } ?? []
        )
        let response: HTTPResponse? = await withCheckedContinuation { continuation in
            api.respond(to: request, reply: HTTPReply { continuation.resume(returning: $0) })
        }
        guard let response else { return TestResponse(status: 0, headers: [], data: Data(), dropped: true) }
        return TestResponse(status: response.status, headers: response.headers, data: Data(response.body), dropped: false)
    }

    private static func split(_ target: String) -> (String, [(name: String, value: String)]) {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let decode = { (text: Substring) in String(text).removingPercentEncoding ?? String(text) }
        let query = parts.count < 2 ? [] : parts[1].split(separator: "&").map { pair -> (name: String, value: String) in
            let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (decode(halves[0]), halves.count > 1 ? decode(halves[1]) : "")
        }
        return (decode(parts[0]), query)
    }

    private func sendOverSocket(_ method: String, _ path: String, headers: [String: String], body: Data?) async throws -> TestResponse {
        var request = URLRequest(url: try requireURL("http://127.0.0.1:\(port)\(path)"))
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw TestServerError.notHTTP }
        let fields = http.allHeaderFields.compactMap { key, value in (key as? String).map { ($0, "\(value)") } }
        return TestResponse(status: http.statusCode, headers: fields, data: data, dropped: false)
    }

    /// The document's recipe, byte for byte.
    static func documentRecipe() throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: documentRecipePath))
    }
}

enum TestServerError: Error {
    case notHTTP
    case badURL(String)
}

func requireURL(_ text: String) throws -> URL {
    guard let url = URL(string: text) else { throw TestServerError.badURL(text) }
    return url
}

/// What came back: status, headers and the body, or that the connection was dropped. Reading the body as JSON
/// records a test failure when it is not what the reader expects, so a check can never pass on an answer that failed.
struct TestResponse {
    let status: Int
    let headers: [(name: String, value: String)]
    let data: Data
    /// The connection was closed without an answer.
    let dropped: Bool

    func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The body as a JSON object; a body that is not one is a failure of the test.
    var json: [String: Any] {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            Issue.record("the \(status) answer's body is not a JSON object: \(String(decoding: data.prefix(300), as: UTF8.self))")
            return [:]
        }
        return object
    }

    var message: String { json["message"] as? String ?? "" }
    var errorCode: String { json["error_code"] as? String ?? "" }
    var errors: [String: [String]] { json["errors"] as? [String: [String]] ?? [:] }

    /// The `recipes` of a successful answer; any other answer is a failure of the test.
    var recipes: [[String: Any]] {
        guard status == 200 || status == 201, let recipes = json["recipes"] as? [[String: Any]] else {
            Issue.record("expected recipes, got a \(status) answer: \(String(decoding: data.prefix(300), as: UTF8.self))")
            return []
        }
        return recipes
    }
}

extension Dictionary where Key == String, Value == Any {
    /// Reads a nested value by keys, e.g. `value("spec", "owner")`.
    func value(_ keys: String...) -> Any? {
        var current: Any? = self
        for key in keys { current = (current as? [String: Any])?[key] }
        return current
    }

    var specName: String { value("spec", "name") as? String ?? "" }
    var versions: [[String: Any]] { value("spec", "versions") as? [[String: Any]] ?? [] }
    var stateVersions: [[String: Any]] { value("state", "versions") as? [[String: Any]] ?? [] }
}
