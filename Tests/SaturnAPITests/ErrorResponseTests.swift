import Foundation
import SaturnDomain
import Testing

/// A store whose writes fail, as on a full disk.
final class FullDiskStore: RecipeStore, @unchecked Sendable {
    private var lastTicket: UInt64 = 0
    var location: String { "a full disk" }
    func takeLoaded() -> LoadedState { LoadedState() }
    func append(_ transaction: StoreTransaction) throws(StoreError) -> UInt64 {
        lastTicket += 1
        return lastTicket
    }
    func whenDurable(_ ticket: UInt64, _ callback: @escaping @Sendable (StoreError?) -> Void) {
        callback(Self.full)
    }
    var durableThrough: UInt64 { 0 }
    var failedThrough: UInt64 { lastTicket }
    func clearFailure() {}
    func saveSnapshot(_ content: TenantContent, tenant: String, name: String) throws(StoreError) { throw Self.full }
    func snapshot(tenant: String, name: String) throws(StoreError) -> TenantContent? { nil }
    func snapshotNames(tenant: String) -> [String] { [] }
    func deleteSnapshots(tenant: String, name: String?) throws(StoreError) -> Bool { false }
    let blobs: any BlobStore = InMemoryBlobStore()
    var health: StoreHealth { StoreHealth(kind: "full disk", writable: false, journalBytes: 0, lastSync: nil, snapshotWritten: nil) }
    func close() {}

    static let full = StoreError.writeFailed(file: "/data/journal-00000001.log", reason: "No space left on device")
}

@Suite("Every error status, live: a clear JSON message, and the store untouched", .timeLimit(.minutes(1)))
struct ErrorResponseTests {
    /// Lists what the admin sees, to check that a refused request changed nothing.
    func names(_ server: TestServer) async throws -> [String] {
        try await server.send("GET", "/api/recipes").recipes.map(\.specName)
    }

    @Test("malformed JSON is 400 and says where")
    func malformed() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let response = try await server.send("POST", "/api/recipes/apply", body: #"{"images": [1,]}"#)
        #expect(response.status == 400)
        #expect(response.errorCode == "invalid_json")
        #expect(response.message == "The body is not valid JSON: unexpected character ']' at byte 14.")
        #expect(try await names(server).isEmpty)
    }

    @Test("invalid UTF-8 in a body is a 400, 10,000 levels of nesting a 422 naming where it passes the limit; never a crash")
    func hostileBodies() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let utf8 = try await server.send("PUT", "/api/recipes", bodyData: Data([0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]))
        #expect(utf8.status == 400)
        #expect(utf8.message == "The body is not valid JSON: a string is not valid UTF-8 at byte 4.")
        let nested = try await server.send("POST", "/api/recipes/apply", body: String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))
        #expect(nested.status == 422)
        #expect(nested.errors == ["(body)" + String(repeating: "[0]", count: 64): ["nests deeper than 64 levels"]])
        let status = try await server.send("GET", "/api/status")
        #expect(status.status == 200)
    }

    @Test("a valid JSON body that is not a recipe is 422 with the path of every problem")
    func invalidRecipe() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let body = """
            {"images": [
              {"name": "saturn", "hardware_type": "cpu", "schema_version": "2022.04.01", "versions": [{"name": "v1", "image_uri": "a/b:1"}]},
              {"name": "x", "hardware_type": "tpu", "schema_version": "2019.01.01", "versions": [{"name": "v1"}]}
            ]}
            """
        let response = try await server.send("POST", "/api/recipes/apply", body: body)
        #expect(response.status == 422)
        #expect(response.errorCode == "validation_error")
        #expect(response.errors == [
            "images[1].hardware_type": ["must be one of 'cpu', 'gpu', not 'tpu'"],
            "images[1].schema_version": ["unsupported schema_version '2019.01.01'; accepted: 2022.03.01, 2022.04.01, 2022.05.01, 2022.06.01, 2022.07.01, 2022.08.01"],
            "images[1].versions[0].image_uri": ["is required"],
        ])
        #expect(response.message == "The request is not valid: images[1].schema_version: unsupported schema_version '2019.01.01'; accepted: 2022.03.01, 2022.04.01, 2022.05.01, 2022.06.01, 2022.07.01, 2022.08.01 (and 2 more problems, see errors).")
        #expect(try await names(server).isEmpty, "a set is applied whole or not at all")
    }

    @Test("authentication: none, unknown scheme, unknown token, expired token", arguments: [
        (nil as String?, "authentication_required", "Authentication required: no Authorization header. Send 'Authorization: Bearer <token>' or 'Authorization: token <token>'."),
        ("Basic YWxpY2U6eA==", "authentication_required", "Authentication required: unsupported scheme 'Basic'. Send 'Authorization: Bearer <token>' or 'Authorization: token <token>'."),
        ("Bearer not-a-token", "invalid_token", "The token is not valid for this installation."),
        ("Bearer alice-expired-token", "token_expired", "The token has expired; use a current token."),
    ])
    func unauthenticated(authorization: String?, code: String, message: String) async throws {
        let server = try TestServer()
        defer { server.discard() }
        let response = try await server.send("POST", "/api/recipes/apply", token: nil, authorization: authorization, bodyData: TestServer.documentRecipe())
        #expect(response.status == 401)
        #expect(response.errorCode == code)
        #expect(response.message == message)
        #expect(try await names(server).isEmpty)
    }

    @Test("the token scheme is read in any case and after any run of spaces", arguments: [
        "Bearer alice-admin-token", "bearer alice-admin-token", "BEARER alice-admin-token", "token alice-admin-token", "Token  alice-admin-token",
    ])
    func schemes(authorization: String) async throws {
        let server = try TestServer()
        defer { server.discard() }
        #expect(try await server.send("GET", "/api/user", token: nil, authorization: authorization).status == 200)
    }

    @Test("an unknown path is a JSON 404")
    func unknownPath() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let response = try await server.send("GET", "/api/nothing-here")
        #expect(response.status == 404)
        #expect(response.message == "No endpoint at GET /api/nothing-here.")
        #expect(response.header("Content-Type") == "application/json")
        #expect(response.header("X-Saturn-Version") == "2026.02.01")
    }

    @Test("an operation of Saturn's spec the mock does not serve is a 501 naming it, told apart from a path Saturn has not", arguments: [
        ("GET", "/api/dask_clusters", "GET /api/dask_clusters"), ("POST", "/api/orgs/some-org/artifacts", "POST /api/orgs/{org_id}/artifacts"),
        ("DELETE", "/api/deployments/some-id/routes/other", "DELETE /api/deployments/{deployment_id}/routes/{route_id}"),
        // Not a workspace named "info": an operation of its own, which a served route's parameter would capture.
        ("GET", "/api/workspaces/info", "GET /api/workspaces/info"), ("GET", "/api/jobs/info", "GET /api/jobs/info"),
    ])
    func notMocked(method: String, path: String, operation: String) async throws {
        let server = try TestServer()
        defer { server.discard() }
        let response = try await server.send(method, path, body: method == "GET" ? nil : "{}")
        #expect(response.status == 501)
        #expect(response.errorCode == "not_mocked")
        #expect(response.message == "Saturn serves \(operation); saturn-mock does not mock it yet.")
        let listed = try await server.control("GET", "/_mock/operations")
        #expect(listed.json["spec_operations"] as? Int == 306)
    }

    @Test("a wrong method is 405 with Allow", arguments: [
        ("DELETE", "/api/recipes", "GET, PUT, POST"), ("GET", "/api/recipes/apply", "POST"), ("POST", "/api/status", "GET"),
    ])
    func wrongMethod(method: String, path: String, allowed: String) async throws {
        let server = try TestServer()
        defer { server.discard() }
        let response = try await server.send(method, path, body: method == "GET" ? nil : "{}")
        #expect(response.status == 405)
        #expect(response.header("Allow") == allowed)
        #expect(response.message == "\(method) is not allowed on \(path); allowed: \(allowed).")
    }

    @Test("a body over --max-body-bytes is 413 and nothing is stored")
    func tooLarge() async throws {
        let server = try TestServer(.socket, maxBodyBytes: 200)
        defer { server.discard() }
        let response = try await server.send("POST", "/api/recipes/apply", bodyData: TestServer.documentRecipe())
        #expect(response.status == 413)
        #expect(response.errorCode == "payload_too_large")
        #expect(response.message == "The body is larger than the server's limit of 200 bytes (--max-body-bytes).")
        #expect(try await names(server).isEmpty)
    }

    @Test("creating a recipe that exists is 409")
    func conflict() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let body = #"{"type": "image", "spec": {"name": "fresh", "versions": [{"name": "v1", "image_uri": "a/fresh:1"}]}}"#
        #expect(try await server.send("POST", "/api/recipes", body: body).status == 201)
        let again = try await server.send("POST", "/api/recipes", body: body)
        #expect(again.status == 409)
        #expect(again.errorCode == "recipe_exists")
        #expect(again.message == "The image recipe 'fresh' of acme/alice exists already; PUT /api/recipes updates it.")
    }

    @Test("bad query values are 422 naming each parameter")
    func badQuery() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let response = try await server.send("GET", "/api/recipes?page_size=0&type=pizza&descending=maybe&next_key=nope&owner=Not%20Valid")
        #expect(response.status == 422)
        #expect(response.errors == [
            "page_size": ["must be a whole number from 1 to 1000, not '0'"],
            "type": ["must be one of deployment, image, job, workspace, not 'pizza'"],
            "descending": ["must be true or false (True/False and 1/0 are read too), not 'maybe'"],
            "next_key": ["is not a page key this server issued; pass back next_key or prev_key unchanged"],
            "owner": ["'Not Valid' is not an owner of the form org/identity (lowercase letters, digits and single inner hyphens, at most 39 characters)"],
        ])
    }

    @Test("a write the store cannot make is 503, nothing is acknowledged, and reads go on")
    func storeFailure() async throws {
        let server = try TestServer(store: FullDiskStore())
        defer { server.discard() }
        let response = try await server.send("POST", "/api/recipes/apply", bodyData: TestServer.documentRecipe())
        #expect(response.status == 503)
        #expect(response.errorCode == "store_unavailable")
        #expect(response.message == "The change was not saved: cannot write /data/journal-00000001.log: No space left on device. Nothing was changed; reads still work.")
        #expect(try await names(server).isEmpty)
    }

    @Test("a percent-encoded invalid UTF-8 path is a 404, not a crash")
    func invalidUTF8Path() async throws {
        let server = try TestServer(.socket)
        defer { server.discard() }
        let response = try await server.send("GET", "/api/recipes/image/%FF%FE")
        #expect(response.status == 404)
        #expect(response.message == "No image recipe named '\u{FFFD}\u{FFFD}' is visible to you.")
    }
}
