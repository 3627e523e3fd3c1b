import Foundation
import SaturnAPI
import Testing

/// What a hostile caller sends at the edges of the API, the journal, faults and the clock: never a 500, never a store
/// the next start cannot load, never a secret in the journal.
@Suite("Trust at the edges, live", .timeLimit(.minutes(2)))
struct EdgeTests {
    /// bob, a member, may apply his own workspace on an image alice imported: the member's path into free-form JSON.
    static func workspace(_ name: String, daskCluster: String) -> String {
        #"{"type": "workspace", "spec": {"name": "\#(name)", "owner": "acme/bob", "image": "base:v1", "instance_type": "large", "dask_cluster": \#(daskCluster)}}"#
    }

    static func withImage(_ server: TestServer) async throws {
        try await server.applyImage("base")
    }

    @Test("a number past what a double holds, or a whole number past 2^53, is a 422 naming its path, never stored", arguments: [
        (#"{"workers": 1e400}"#, "spec.dask_cluster.workers", "1e400 is beyond the range of a JSON number (±1.8e308)"),
        (#"{"workers": -1e999}"#, "spec.dask_cluster.workers", "-1e999 is beyond the range of a JSON number (±1.8e308)"),
        (#"{"a": [1, 9007199254740993]}"#, "spec.dask_cluster.a[1]", "9007199254740993 is a whole number beyond ±2^53, which cannot be kept exactly"),
    ])
    func numbersPastTheLimits(cluster: String, path: String, problem: String) async throws {
        let server = try TestServer()
        defer { server.discard() }
        try await Self.withImage(server)
        let response = try await server.send("PUT", "/api/recipes", token: TestServer.memberToken, body: Self.workspace("w", daskCluster: cluster))
        #expect(response.status == 422)
        #expect(response.errors == [path: [problem]])
        #expect(try await server.send("GET", "/api/recipes/workspace/w").status == 404)
    }

    @Test("nesting past 64 levels is a 422 naming where it passes; 60 levels are kept and load again after a restart")
    func nesting() async throws {
        let first = try TestServer()
        try await Self.withImage(first)
        let deep = String(repeating: #"{"a": "#, count: 66) + "1" + String(repeating: "}", count: 66)
        let refused = try await first.send("PUT", "/api/recipes", token: TestServer.memberToken, body: Self.workspace("deep", daskCluster: deep))
        #expect(refused.status == 422)
        #expect(refused.errors == ["spec.dask_cluster" + String(repeating: ".a", count: 62): ["nests deeper than 64 levels"]])
        let kept = String(repeating: #"{"a": "#, count: 58) + "[1.5]" + String(repeating: "}", count: 58)
        #expect(try await first.send("PUT", "/api/recipes", token: TestServer.memberToken, body: Self.workspace("kept", daskCluster: kept)).status == 201)
        let before = try await first.send("GET", "/api/recipes/workspace/kept", token: TestServer.memberToken).data
        first.stop()
        let second = try TestServer(dataDirectory: first.dataDirectory)
        defer { second.discard() }
        #expect(try await second.send("GET", "/api/recipes/workspace/kept", token: TestServer.memberToken).data == before)
    }

    @Test("any JSON the API accepts is answered the same, byte for byte, after a restart")
    func acceptedJSONSurvivesRestart() async throws {
        let first = try TestServer()
        try await Self.withImage(first)
        var generator = JSONGenerator(seed: 17)
        var answers: [String: Data] = [:]
        for index in 0..<60 {
            let name = "w\(index)"
            let cluster = #"{"value": \#(generator.value(depth: 0))}"#
            let applied = try await first.send("PUT", "/api/recipes", token: TestServer.memberToken, body: Self.workspace(name, daskCluster: cluster))
            try #require(applied.status == 201, "\(cluster): \(String(decoding: applied.data, as: UTF8.self))")
            answers[name] = try await first.send("GET", "/api/recipes/workspace/\(name)", token: TestServer.memberToken).data
            #expect((try? JSONSerialization.jsonObject(with: answers[name] ?? Data())) != nil, "the answer is JSON")
        }
        first.stop()
        let second = try TestServer(dataDirectory: first.dataDirectory)
        defer { second.discard() }
        for (name, before) in answers.sorted(by: { $0.key < $1.key }) {
            let after = try await second.send("GET", "/api/recipes/workspace/\(name)", token: TestServer.memberToken).data
            #expect(after == before, "\(name): \(String(decoding: before, as: UTF8.self))")
        }
    }

    @Test("a clock is never set or moved outside 0001-01-01 to 9999-12-31, and what it stamps loads again", arguments: [
        (#"{"set": "0000-03-01T00:00:00Z"}"#, "set"),
        (#"{"set": "0001-01-01T00:00:00Z", "advance_seconds": -1}"#, "advance_seconds"),
        (#"{"set": "9999-12-31T23:59:59Z", "advance_seconds": 1}"#, "advance_seconds"),
    ])
    func clockRange(body: String, path: String) async throws {
        let server = try TestServer()
        defer { server.discard() }
        let before = try await server.control("GET", "/_mock/clock").json["now"] as? String
        let refused = try await server.control("POST", "/_mock/clock", body: body)
        #expect(refused.status == 422)
        #expect(refused.errors.keys.sorted() == [path])
        #expect(try await server.control("GET", "/_mock/clock").json["frozen"] as? Bool == false, "nothing changed")
        #expect(before != nil)
    }

    @Test("at either end of time, images and tokens are stamped and loaded again after a restart")
    func endsOfTime() async throws {
        let first = try TestServer()
        for (index, instant) in ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"].enumerated() {
            #expect(try await first.control("POST", "/_mock/clock", body: #"{"set": "\#(instant)"}"#).status == 200)
            try await first.applyImage("at-\(index)")
            let minted = try await first.control("POST", "/_mock/tokens", body: #"{"username": "u\#(index)", "org": "acme", "expires_in": 3600}"#)
            #expect(minted.status == 201)
            #expect(minted.json["expires_at"] as? String == (index == 0 ? "0001-01-01T01:00:00Z" : "9999-12-31T23:59:59Z"))
        }
        let listed = try await first.send("GET", "/api/recipes").data
        first.stop()
        let second = try TestServer(dataDirectory: first.dataDirectory)
        defer { second.discard() }
        #expect(try await second.send("GET", "/api/recipes").data == listed)
    }

    @Test("the journal never shows a secret: not in a body it cannot read, a long body, or a query string")
    func journalRedaction() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let secret = "very-secret-value"
        let form = "grant_type=refresh_token&refresh_token=\(secret)"
        _ = try await server.send("POST", "/api/auth/token", token: nil, body: form, extraHeaders: ["Content-Type": "application/x-www-form-urlencoded"])
        _ = try await server.send("POST", "/api/auth/token", token: nil, body: #"{"refresh_token": "\#(secret)", "#)
        let padding = String(repeating: "x", count: 5_000)
        _ = try await server.send("POST", "/api/auth/token", token: nil, body: #"{"padding": "\#(padding)", "refresh_token": "\#(secret)"}"#)
        _ = try await server.send("GET", "/api/user?access_token=\(secret)&page_size=5", token: nil)
        let listed = try await server.control("GET", "/_mock/requests")
        let text = String(decoding: listed.data, as: UTF8.self)
        #expect(!text.contains(secret))
        let requests = try #require(listed.json["requests"] as? [[String: Any]])
        try #require(requests.count == 4)
        #expect(requests[0]["body"] is NSNull && requests[0]["body_bytes"] as? Int == form.utf8.count)
        #expect(requests[0]["content_type"] as? String == "application/x-www-form-urlencoded")
        #expect(requests[1]["body"] is NSNull, "a body that is not JSON is not shown")
        #expect(requests[2]["body_truncated"] as? Bool == true)
        #expect((requests[2]["body"] as? String)?.hasPrefix(#"{"padding":""#) == true)
        #expect(requests[3]["query"] as? [String: String] == ["access_token": "[redacted]", "page_size": "5"])
    }

    @Test("a body holding a number past a double's range leaves the journal valid JSON; a fault's body cannot hold one")
    func journalStaysJSON() async throws {
        let server = try TestServer()
        defer { server.discard() }
        #expect(try await server.send("PUT", "/api/recipes", body: #"{"type": "image", "spec": {"name": "x", "big": 1e400}}"#).status == 422)
        let listed = try await server.control("GET", "/_mock/requests")
        #expect((try? JSONSerialization.jsonObject(with: listed.data)) != nil, "\(String(decoding: listed.data, as: UTF8.self))")
        let fault = try await server.control("POST", "/_mock/faults", body: #"{"path": "/api/user", "status": 500, "body": {"x": -1e999}}"#)
        #expect(fault.status == 422)
        #expect(fault.errors.keys.sorted() == ["body.x"])
    }

    @Test("a doubled or trailing slash is the same path for routing, faults and the journal", arguments: [
        "/t/TENANT//api/recipes", "/t/TENANT/api//recipes", "/t/TENANT/api/recipes/", "//t/TENANT/api/recipes",
    ])
    func oneCanonicalPath(spelling: String) async throws {
        let server = try TestServer()
        defer { server.discard() }
        let tenant = try await server.createTenant()
        let rule = try await server.control("POST", "\(tenant.prefix)/_mock/faults", body: #"{"method": "PUT", "path": "/api/recipes*", "status": 503}"#)
        #expect(rule.status == 201)
        let path = spelling.replacingOccurrences(of: "TENANT", with: tenant.name)
        let body = #"{"type": "image", "spec": {"name": "x", "versions": [{"name": "v1", "image_uri": "registry.example/x:1"}]}}"#
        let faulted = try await server.send("PUT", path, token: try tenant.token("alice"), body: body)
        #expect(faulted.status == 503)
        #expect(faulted.errorCode == "injected_fault")
        let journal = try await server.control("GET", "\(tenant.prefix)/_mock/requests")
        let entries = try #require(journal.json["requests"] as? [[String: Any]])
        #expect(entries.map { $0["path"] as? String } == ["/api/recipes"])
        #expect(entries.first?["fault"] as? String == "f1")
    }

    @Test("fault rules are bounded: a 1xx status, a body on a 204, a body over 64 KiB are refused; the 101st rule is a 409")
    func faultBounds() async throws {
        let server = try TestServer()
        defer { server.discard() }
        for (body, path) in [
            (#"{"path": "/api/user", "status": 101}"#, "status"),
            (#"{"path": "/api/user", "status": 204, "body": {"a": 1}}"#, "body"),
            (#"{"path": "/api/user", "status": 500, "body": {"a": "\#(String(repeating: "x", count: 65_536))"}}"#, "body"),
        ] {
            let refused = try await server.control("POST", "/_mock/faults", body: body)
            #expect(refused.status == 422)
            #expect(refused.errors.keys.sorted() == [path])
        }
        for index in 0..<100 {
            let added = try await server.control("POST", "/_mock/faults", body: #"{"path": "/api/nothing-\#(index)", "status": 500}"#)
            try #require(added.status == 201)
        }
        let over = try await server.control("POST", "/_mock/faults", body: #"{"path": "/api/one-more", "status": 500}"#)
        #expect(over.status == 409)
        #expect(over.errorCode == "fault_limit")
        #expect(try await server.control("DELETE", "/_mock/faults").status == 204)
        #expect(try await server.control("POST", "/_mock/faults", body: #"{"path": "/api/user", "status": 204}"#).status == 201)
        let empty = try await server.send("GET", "/api/user")
        #expect(empty.status == 204 && empty.data.isEmpty)
    }

    @Test("a state document larger than --max-body-bytes loads: it has its own limit, --max-state-bytes")
    func stateHasItsOwnLimit() async throws {
        let server = try TestServer(.socket, maxBodyBytes: 64 * 1024)
        defer { server.discard() }
        let images = (0..<400).map { #"{"schema_version": "2025.10.01", "type": "image", "spec": {"name": "i\#($0)", "owner": "acme/alice", "description": "\#(String(repeating: "d", count: 200))", "versions": [{"name": "v1", "image_uri": "registry.example/i:\#($0)"}]}}"# }
        let document = #"{"saturn_mock_state": 1, "minted": [], "recipes": [\#(images.joined(separator: ", "))]}"#
        #expect(document.utf8.count > 64 * 1024)
        let loaded = try await server.control("PUT", "/_mock/state", body: document)
        #expect(loaded.status == 200, "\(String(decoding: loaded.data.prefix(300), as: UTF8.self))")
        #expect(loaded.json["recipes"] as? Int == 400)
        for path in ["/api/recipes", "/t/api/_mock/state"] {
            // `/t/api/...` is `/api/...`: no state import, so the API's limit.
            let tooLarge = try await server.send("PUT", path, body: document)
            #expect(tooLarge.status == 413, "\(path)")
            #expect(tooLarge.message.contains("(--max-body-bytes)"), "\(path)")
        }
    }
}

/// Random JSON text within what the API keeps: finite numbers, whole numbers within 2^53, escapes, deep but not too deep.
struct JSONGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// SplitMix64: the same values from the same seed on every run.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func value(depth: Int) -> String {
        switch below(depth > 8 ? 6 : 8) {
        case 0: return "null"
        case 1: return below(2) == 0 ? "true" : "false"
        case 2: return String(Int64(bitPattern: next()) % 9_007_199_254_740_992)
        case 3:
            let double = Double(bitPattern: next())
            return double.isFinite ? "\(double)" : "-0.0"
        case 4: return ["0.1", "1e-7", "2.5E+3", "-0", "1e308", "5e-324", "123456789.123456789"][below(7)]
        case 5: return string()
        case 6: return "[" + (0..<below(4)).map { _ in value(depth: depth + 1) }.joined(separator: ", ") + "]"
        default: return "{" + (0..<below(4)).map { _ in "\(string()): \(value(depth: depth + 1))" }.joined(separator: ", ") + "}"
        }
    }

    mutating func string() -> String {
        let pieces = ["a", "é", "\\n", "\\\"", "\\\\", "\\u0000", "\\ud83d\\ude00", "😀", " ", "/", "\\/", "\\t", "Z"]
        return "\"" + (0..<below(6)).map { _ in pieces[below(pieces.count)] }.joined() + "\""
    }
}

@Suite("Trust at the edges: tenants, tokens and state documents, live", .timeLimit(.minutes(2)))
struct EdgeTenancyTests {
    static let image = #"{"type": "image", "spec": {"name": "late", "versions": [{"name": "v1", "image_uri": "registry.example/late:1"}]}}"#

    @Test("a write in flight while its tenant is deleted is refused, and after a restart the tenant stays deleted")
    func deletedTenantStaysDeleted() async throws {
        let first = try TestServer()
        let tenant = try await first.createTenant("doomed")
        let rule = try await first.control("POST", "\(tenant.prefix)/_mock/faults", body: #"{"method": "PUT", "path": "/api/recipes", "delay_ms": 400}"#)
        #expect(rule.status == 201)
        async let write = first.send("PUT", "\(tenant.prefix)/api/recipes", token: try tenant.token("alice"), body: Self.image)
        try await Task.sleep(for: .milliseconds(100))
        #expect(try await first.control("DELETE", "/_mock/tenants/doomed").status == 204)
        let refused = try await write
        #expect(refused.status == 404)
        #expect(refused.errorCode == "tenant_not_found")
        first.stop()
        let second = try TestServer(dataDirectory: first.dataDirectory)
        defer { second.discard() }
        let names = (try await second.control("GET", "/_mock/tenants").json["tenants"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["default"])
        #expect(try await second.send("GET", "/api/recipes").recipes.isEmpty, "the seed's token reaches the default tenant")
    }

    @Test("refreshing one refresh token again and again keeps one token: the newest works, the earlier ones do not")
    func refreshReplaces() async throws {
        let server = try TestServer()
        defer { server.discard() }
        var tokens: [String] = []
        for _ in 0..<30 {
            let refreshed = try await server.send("POST", "/api/auth/token", token: nil, body: #"{"grant_type": "refresh_token", "refresh_token": "alice-refresh-token"}"#)
            try #require(refreshed.status == 200)
            #expect(refreshed.json["refresh_token"] as? String == "alice-refresh-token")
            tokens.append(try #require(refreshed.json["access_token"] as? String))
        }
        #expect(Set(tokens).count == 30)
        let state = try await server.control("GET", "/_mock/state")
        #expect((state.json["minted"] as? [Any])?.count == 1)
        #expect(try await server.send("GET", "/api/user", token: tokens[29]).status == 200)
        #expect(try await server.send("GET", "/api/user", token: tokens[28]).status == 401)
    }

    @Test("a state document's ids are unique and usable in a URL, or it is refused naming each", arguments: [
        (#"[{"id": "dup-id"}, {"id": "dup-id"}]"#, ["recipes[1].state.id"]),
        (#"[{"id": ""}, {"id": "a/b"}]"#, ["recipes[0].state.id", "recipes[1].state.id"]),
        (#"[{"id": ".."}, {"id": "ok-1", "versions": [{"id": "ok-1"}]}]"#, ["recipes[0].state.id", "recipes[1].state.versions[0].id"]),
    ])
    func stateIDs(states: String, paths: [String]) async throws {
        let server = try TestServer()
        defer { server.discard() }
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(states.utf8)) as? [[String: Any]])
        let recipes = try decoded.enumerated().map { index, state in
            let stateText = String(decoding: try JSONSerialization.data(withJSONObject: state), as: UTF8.self)
            return #"{"type": "image", "spec": {"name": "i\#(index)", "owner": "acme/alice", "versions": [{"name": "v1", "image_uri": "registry.example/i:1"}]}, "state": \#(stateText)}"#
        }
        let document = #"{"saturn_mock_state": 1, "minted": [], "recipes": [\#(recipes.joined(separator: ", "))]}"#
        let refused = try await server.control("PUT", "/_mock/state", body: document)
        #expect(refused.status == 422)
        #expect(refused.errors.keys.sorted() == paths.sorted())
        #expect(try await server.send("GET", "/api/recipes").recipes.isEmpty)
    }
}
