import Foundation
import SaturnDomain
import Testing

@Suite("Control plane: tenants, reset, snapshots and state, live", .timeLimit(.minutes(1)))
struct TenantTests {
    @Test("a tenant is its own installation: reached by its prefix or by its token, seeing nothing of the others")
    func isolation() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let one = try await server.createTenant("one")
        let two = try await server.createTenant()
        #expect(two.name.hasPrefix("t-"))
        #expect(Set(one.tokens.keys) == ["alice", "bob", "carol"])
        #expect(Set(one.tokens.values).isDisjoint(with: two.tokens.values))
        #expect(!one.tokens.values.contains(TestServer.adminToken))

        try await server.applyImage("in-one", prefix: one.prefix, token: one.token("alice"))
        try await server.applyImage("in-default")
        // Without a prefix, the token finds its tenant.
        #expect(try await server.listedNames("", token: one.token("alice")) == ["in-one"])
        #expect(try await server.listedNames(one.prefix, token: one.token("bob")) == ["in-one"])
        #expect(try await server.listedNames(two.prefix, token: two.token("alice")).isEmpty)
        #expect(try await server.listedNames("", token: TestServer.adminToken) == ["in-default"])

        let crossed = try await server.send("GET", "\(two.prefix)/api/recipes", token: one.token("alice"))
        #expect(crossed.status == 401)
        #expect(crossed.errorCode == "invalid_token")
        let seedTokenInTenant = try await server.send("GET", "\(one.prefix)/api/user", token: TestServer.adminToken)
        #expect(seedTokenInTenant.status == 401)
        let unknown = try await server.send("GET", "/t/nobody/api/recipes")
        #expect(unknown.status == 404)
        #expect(unknown.errorCode == "tenant_not_found")
        #expect(try await server.send("GET", "\(one.prefix)/api/status", token: nil).json["status"] as? String == "ok")
        // What urljoin makes of a base URL without its trailing slash still reaches the token's tenant.
        #expect(try await server.listedNames("/t", token: one.token("alice")) == ["in-one"])
    }

    @Test("tenants are listed, described, and deleted with everything they hold; the default tenant stays")
    func lifecycle() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let one = try await server.createTenant("one")
        try await server.applyImage("kept", prefix: one.prefix, token: one.token("alice"))
        let listed = try await server.control("GET", "/_mock/tenants")
        let tenants = try #require(listed.json["tenants"] as? [[String: Any]])
        #expect(tenants.map { $0["name"] as? String } == ["default", "one"])
        #expect(tenants.map { $0["recipes"] as? Int } == [0, 1])
        let described = try await server.control("GET", "/_mock/tenants/one")
        let aliceToken = try one.token("alice")
        #expect((described.json["users"] as? [[String: Any]])?.first?["token"] as? String == aliceToken)

        #expect(try await server.control("DELETE", "/_mock/tenants/one").status == 204)
        let gone = try await server.send("GET", "/api/recipes", token: one.token("alice"))
        #expect(gone.status == 401, "a deleted tenant's token reaches nothing")
        #expect(try await server.control("DELETE", "/_mock/tenants/one").errorCode == "tenant_not_found")
        let kept = try await server.control("DELETE", "/_mock/tenants/default")
        #expect(kept.status == 409)
        #expect(kept.message.contains("POST /_mock/reset"))
        let again = try await server.createTenant("one")
        #expect(try await server.listedNames(again.prefix, token: again.token("alice")).isEmpty, "a new tenant of an old name starts empty")
    }

    @Test("bad tenant requests are refused with a clear reason", arguments: [
        (#"{"name": "Bad Name"}"#, 422, "validation_error", "name"),
        (#"{"name": "api"}"#, 422, "validation_error", "name"),
        (#"{"name": 3}"#, 422, "validation_error", "name"),
        (#"{"colour": "red"}"#, 422, "validation_error", "colour"),
        (#"{"from_snapshot": "nope"}"#, 404, "snapshot_not_found", ""),
        ("[1", 400, "invalid_json", ""),
    ])
    func badCreate(body: String, status: Int, code: String, path: String) async throws {
        let server = try TestServer()
        defer { server.discard() }
        let refused = try await server.control("POST", "/_mock/tenants", body: body)
        #expect(refused.status == status)
        #expect(refused.errorCode == code)
        if !path.isEmpty { #expect(refused.errors[path] != nil, "\(refused.errors)") }
        #expect((try await server.control("GET", "/_mock/tenants").json["tenants"] as? [Any])?.count == 1)
    }

    @Test("a name in use is a 409, and --max-tenants bounds how many there are")
    func limits() async throws {
        var tenancy = TenantSettings()
        tenancy.maxTenants = 2
        let server = try TestServer(tenancy: tenancy)
        defer { server.discard() }
        _ = try await server.createTenant("one")
        let taken = try await server.control("POST", "/_mock/tenants", body: #"{"name": "default"}"#)
        #expect(taken.status == 409)
        let full = try await server.control("POST", "/_mock/tenants", body: #"{"name": "two"}"#)
        #expect(full.status == 409)
        #expect(full.errorCode == "tenant_limit")
        #expect(full.message.contains("--max-tenants"))
    }

    @Test("reset puts a tenant back to the seed: recipes and minted tokens gone, seed tokens kept")
    func reset() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let one = try await server.createTenant("one")
        try await server.applyImage("a", prefix: one.prefix, token: one.token("alice"))
        let minted = try await server.control("POST", "\(one.prefix)/_mock/tokens", body: #"{"username": "dave", "org": "acme", "role": "admin"}"#)
        let dave = try #require(minted.json["token"] as? String)
        #expect(try await server.send("GET", "/api/user", token: dave).json["username"] as? String == "dave")
        let reset = try await server.control("POST", "\(one.prefix)/_mock/reset")
        #expect(reset.status == 200)
        #expect(reset.json["recipes"] as? Int == 0)
        #expect(try await server.listedNames(one.prefix, token: one.token("alice")).isEmpty)
        #expect(try await server.send("GET", "/api/user", token: dave).status == 401)
        #expect(try await server.send("GET", "/api/user", token: one.token("alice")).status == 200)
    }

    @Test("snapshots save a tenant whole, restore it, seed new tenants, and are listed and deleted")
    func snapshots() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let one = try await server.createTenant("one")
        let alice = try one.token("alice")
        try await server.applyImage("a", prefix: one.prefix, token: alice)
        let saved = try await server.control("PUT", "\(one.prefix)/_mock/snapshots/golden")
        #expect(saved.status == 201)
        #expect(saved.json["recipes"] as? Int == 1)
        try await server.applyImage("b", prefix: one.prefix, token: alice)
        #expect(try await server.control("POST", "\(one.prefix)/_mock/snapshots/golden/restore").status == 200)
        #expect(try await server.listedNames(one.prefix, token: alice) == ["a"])
        #expect(try await server.control("GET", "\(one.prefix)/_mock/snapshots").json["snapshots"] as? [String] == ["golden"])
        #expect(try await server.control("GET", "/_mock/snapshots").json["snapshots"] as? [String] == [], "snapshots belong to their tenant")

        let copy = try await server.createTenant("copy", from: "golden", through: one.prefix)
        #expect(try await server.listedNames(copy.prefix, token: copy.token("alice")) == ["a"])
        let ids = try await server.send("GET", "\(one.prefix)/api/recipes/image/a", token: alice).json.value("state", "id") as? String
        let copiedIDs = try await server.send("GET", "\(copy.prefix)/api/recipes/image/a", token: copy.token("alice")).json.value("state", "id") as? String
        #expect(ids != nil && ids == copiedIDs, "a snapshot keeps ids")

        #expect(try await server.control("DELETE", "\(one.prefix)/_mock/snapshots/golden").status == 204)
        let missing = try await server.control("POST", "\(one.prefix)/_mock/snapshots/golden/restore")
        #expect(missing.status == 404)
        #expect(missing.errorCode == "snapshot_not_found")
        let badName = try await server.control("PUT", "\(one.prefix)/_mock/snapshots/Not_Valid")
        #expect(badName.status == 422)
        #expect(badName.errors["name"] != nil)
    }

    @Test("GET /_mock/state exports a tenant that PUT /_mock/state loads into another, ids and minted users kept")
    func stateRoundTrip() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let one = try await server.createTenant("one")
        let alice = try one.token("alice")
        let document = try TestServer.documentRecipe()
        #expect(try await server.send("POST", "\(one.prefix)/api/recipes/apply", token: alice, bodyData: document).status == 201)
        _ = try await server.control("POST", "\(one.prefix)/_mock/tokens", body: #"{"username": "dave", "org": "globex", "role": "admin"}"#)
        let exported = try await server.control("GET", "\(one.prefix)/_mock/state")
        #expect(exported.status == 200)
        #expect(exported.json["saturn_mock_state"] as? Int == 1)
        let exportedText = String(decoding: exported.data, as: UTF8.self)
        let bob = try one.token("bob")
        #expect(!exportedText.contains(bob) && !exportedText.contains("\"token\""), "no token is exported")

        let two = try await server.createTenant("two")
        let loaded = try await server.control("PUT", "\(two.prefix)/_mock/state", body: exportedText)
        #expect(loaded.status == 200)
        #expect(loaded.json["recipes"] as? Int == 2)
        let dave = try #require((loaded.json["minted"] as? [[String: Any]])?.first?["token"] as? String)
        #expect(try await server.send("GET", "\(two.prefix)/api/user", token: dave).json["username"] as? String == "dave")
        let again = try await server.control("GET", "\(two.prefix)/_mock/state")
        #expect(again.data == exported.data, "exporting what was loaded gives the same document, byte for byte")
    }

    @Test("a state document is checked as strictly as a recipe; nothing is loaded from a bad one", arguments: [
        (#"{"recipes": []}"#, "saturn_mock_state"),
        (#"{"saturn_mock_state": 2, "recipes": []}"#, "saturn_mock_state"),
        (#"{"saturn_mock_state": 1, "recipes": [], "extra": 1}"#, "extra"),
        (#"{"saturn_mock_state": 1, "recipes": [{"type": "image", "spec": {"name": "x"}}]}"#, "recipes[0].spec.owner"),
        (#"{"saturn_mock_state": 1, "recipes": [{"type": "image", "spec": {"name": "x", "owner": "acme/nobody"}}]}"#, "recipes[0].spec.owner"),
        (#"{"saturn_mock_state": 1, "recipes": [{"type": "image", "spec": {"name": "x", "owner": "acme/alice", "colour": 1}}]}"#, "recipes[0].spec.colour"),
        (#"{"saturn_mock_state": 1, "recipes": [{"type": "image", "spec": {"name": "x", "owner": "acme/alice", "versions": [{"name": "v", "image_uri": "a b"}]}}]}"#, "recipes[0].spec.versions[0].image_uri"),
        (#"{"saturn_mock_state": 1, "minted": [{"username": "Eve", "org": "acme", "role": "admin"}], "recipes": []}"#, "minted[0].username"),
        (#"{"saturn_mock_state": 1, "minted": [{"username": "eve", "org": "nowhere", "role": "admin"}], "recipes": []}"#, "minted[0].org"),
    ])
    func badState(body: String, path: String) async throws {
        let server = try TestServer()
        defer { server.discard() }
        try await server.applyImage("before")
        let refused = try await server.control("PUT", "/_mock/state", body: body)
        #expect(refused.status == 422)
        #expect(refused.errors[path] != nil, "\(refused.errors)")
        #expect(try await server.listedNames("", token: TestServer.adminToken) == ["before"])
    }

    @Test("tenants, their recipes, minted tokens and snapshots survive a restart")
    func durable() async throws {
        let first = try TestServer()
        let one = try await first.createTenant("one")
        try await first.applyImage("a", prefix: one.prefix, token: one.token("alice"))
        let dave = try #require(try await first.control("POST", "\(one.prefix)/_mock/tokens", body: #"{"username": "dave", "org": "acme"}"#).json["token"] as? String)
        #expect(try await first.control("PUT", "\(one.prefix)/_mock/snapshots/s").status == 201)
        let doomed = try await first.createTenant("doomed")
        #expect(try await first.control("PUT", "\(doomed.prefix)/_mock/snapshots/s").status == 201)
        #expect(try await first.control("DELETE", "/_mock/tenants/doomed").status == 204)
        first.stop()

        let second = try TestServer(dataDirectory: first.dataDirectory)
        defer { second.discard() }
        #expect(try await second.listedNames("", token: one.token("alice")) == ["a"])
        #expect(try await second.send("GET", "/api/user", token: dave).json["role"] == nil)
        #expect(try await second.send("GET", "/api/user", token: dave).json["username"] as? String == "dave")
        #expect(try await second.control("GET", "\(one.prefix)/_mock/snapshots").json["snapshots"] as? [String] == ["s"])
        #expect(try await second.send("GET", "/t/doomed/api/status", token: nil).status == 404)
        let recreated = try await second.createTenant("doomed")
        #expect(try await second.control("GET", "\(recreated.prefix)/_mock/snapshots").json["snapshots"] as? [String] == [])
    }
}
