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

/// A real saturn-mock server on port 0 over the repository's seed, with its own data folder, and a real HTTP client.
final class LiveServer: @unchecked Sendable {
    static let seedPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../data/seed.json").standardized.path
    static let documentRecipePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../data/examples/import-existing-docker-images.json").standardized.path

    static let adminToken = "alice-admin-token"
    static let memberToken = "bob-member-token"
    static let otherOrgAdminToken = "carol-globex-admin-token"
    static let expiredToken = "alice-expired-token"

    let dataDirectory: URL
    let port: Int
    private let server: HTTPServer
    private let store: any RecipeStore
    private let session: URLSession

    /// Starts a server; pass the `dataDirectory` of a stopped one to restart on the same data.
    /// `store` replaces the JSON file store in that folder.
    init(
        dataDirectory: URL? = nil, strict: Bool = false, maxBodyBytes: Int = 1 << 20, store: (any RecipeStore)? = nil,
        tenancy: TenantSettings = TenantSettings(), api: SaturnAPI.Settings = SaturnAPI.Settings()
    ) throws {
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
        server = HTTPServer(
            configuration: HTTPServerConfiguration(port: 0, maxBodyBytes: maxBodyBytes),
            responder: SaturnAPI(registry: registry, settings: api, logger: logger)
        )
        port = try server.start()
        session = URLSession(configuration: .ephemeral)
    }

    /// Stops serving and releases the store, as the command does on SIGTERM.
    func stop() {
        server.stop()
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
        token: String? = LiveServer.adminToken,
        authorization: String? = nil,
        body: String? = nil,
        bodyData: Data? = nil,
        extraHeaders: [String: String] = [:]
    ) async throws -> LiveResponse {
        var request = URLRequest(url: try requireURL("http://127.0.0.1:\(port)\(path)"))
        request.httpMethod = method
        if let authorization {
            request.setValue(authorization, forHTTPHeaderField: "Authorization")
        } else if let token {
            request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        }
        for (name, value) in extraHeaders { request.setValue(value, forHTTPHeaderField: name) }
        if let data = bodyData ?? body.map({ Data($0.utf8) }) {
            request.httpBody = data
            if extraHeaders["Content-Type"] == nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        }
        let (data, response) = try await session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw LiveServerError.notHTTP }
        return LiveResponse(status: http.statusCode, response: http, data: data)
    }

    /// The document's recipe, byte for byte.
    static func documentRecipe() throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: documentRecipePath))
    }
}

enum LiveServerError: Error {
    case notHTTP
    case badURL(String)
}

func requireURL(_ text: String) throws -> URL {
    guard let url = URL(string: text) else { throw LiveServerError.badURL(text) }
    return url
}

/// What came back: status, headers and the body. Reading the body as JSON records a test failure when it is not
/// what the reader expects, so a check can never pass on an answer that failed.
struct LiveResponse {
    let status: Int
    let response: HTTPURLResponse
    let data: Data

    func header(_ name: String) -> String? {
        response.value(forHTTPHeaderField: name)
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
