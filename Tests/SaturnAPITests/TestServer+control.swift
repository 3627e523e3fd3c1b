import Foundation
import Testing

/// A tenant as `POST /_mock/tenants` made it: where it is and its users' tokens.
struct LiveTenant {
    let name: String
    /// `/t/NAME`, to put before an `/api/...` path.
    let prefix: String
    let tokens: [String: String]

    func token(_ username: String) throws -> String {
        try #require(tokens[username], "tenant \(name) has no token of \(username)")
    }
}

extension TestServer {
    /// A control request, with no API token.
    func control(_ method: String, _ path: String, body: String? = nil, authorization: String? = nil) async throws -> TestResponse {
        try await send(method, path, token: nil, authorization: authorization, body: body)
    }

    /// Creates a tenant and checks the answer's shape.
    func createTenant(_ name: String? = nil, from snapshot: String? = nil, through prefix: String = "") async throws -> LiveTenant {
        var fields: [String] = []
        if let name { fields.append(#""name": "\#(name)""#) }
        if let snapshot { fields.append(#""from_snapshot": "\#(snapshot)""#) }
        let created = try await control("POST", "\(prefix)/_mock/tenants", body: "{\(fields.joined(separator: ", "))}")
        try #require(created.status == 201, "\(String(decoding: created.data, as: UTF8.self))")
        let tenant = try #require(created.json["name"] as? String)
        let users = try #require(created.json["users"] as? [[String: Any]])
        #expect(created.json["base_url"] as? String == "http://127.0.0.1:\(port)/t/\(tenant)/")
        let tokens = Dictionary(uniqueKeysWithValues: users.compactMap { user in
            (user["username"] as? String).flatMap { name in (user["token"] as? String).map { (name, $0) } }
        })
        return LiveTenant(name: tenant, prefix: "/t/\(tenant)", tokens: tokens)
    }

    /// The names of the image recipes a token's user lists in the tenant at `prefix`.
    func listedNames(_ prefix: String, token: String) async throws -> [String] {
        try await send("GET", "\(prefix)/api/recipes?page_size=1000", token: token).recipes.map(\.specName)
    }

    /// Applies an image recipe named `name` with one version; the answer must be 201.
    func applyImage(_ name: String, prefix: String = "", token: String = TestServer.adminToken, uri: String? = nil) async throws {
        let body = #"{"type": "image", "spec": {"name": "\#(name)", "versions": [{"name": "v1", "image_uri": "\#(uri ?? "registry.example/\(name):1")"}]}}"#
        let applied = try await send("PUT", "\(prefix)/api/recipes", token: token, body: body)
        try #require(applied.status == 201, "\(String(decoding: applied.data, as: UTF8.self))")
    }
}
