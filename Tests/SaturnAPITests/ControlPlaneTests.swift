import Foundation
import SaturnAPI
import SaturnDomain
import Testing

@Suite("Control plane: request journal, faults, tokens, clock, health, live", .timeLimit(.minutes(1)))
struct ControlPlaneTests {
    static let modern = #"{"type": "image", "spec": {"name": "modern", "versions": [{"name": "v1", "image_uri": "registry.example/modern:1"}]}}"#

    @Test("the journal lists what a client sent and what it changed, tokens redacted, newest last")
    func journal() async throws {
        let server = try TestServer()
        defer { server.discard() }
        #expect(try await server.send("PUT", "/api/recipes?enforce_unknown=true", body: Self.modern).status == 201)
        let update = Self.modern.replacingOccurrences(of: "modern:1", with: "modern:2")
        #expect(try await server.send("PUT", "/api/recipes", body: update).status == 201)
        _ = try await server.send("GET", "/api/recipes", token: TestServer.memberToken)
        _ = try await server.send("POST", "/_mock/tokens", token: nil, body: #"{"username": "dave", "org": "acme"}"#)
        _ = try await server.send("GET", "/api/user", token: "nope")
        _ = try await server.send("POST", "/api/auth/token", token: nil, body: #"{"grant_type": "refresh_token", "refresh_token": "very-secret"}"#)

        let listed = try await server.control("GET", "/_mock/requests")
        let requests = try #require(listed.json["requests"] as? [[String: Any]])
        #expect(requests.map { "\($0["method"]!) \($0["path"]!) \($0["status"]!)" } == [
            "PUT /api/recipes 201", "PUT /api/recipes 201", "GET /api/recipes 200", "GET /api/user 401", "POST /api/auth/token 401",
        ], "control calls are not journaled")
        #expect(requests.map { $0["caller"] as? String } == ["alice", "alice", "bob", nil, nil])
        #expect(requests[0]["query"] as? [String: String] == ["enforce_unknown": "true"])
        let created = try #require((requests[0]["changes"] as? [[String: Any]])?.first)
        let updated = try #require((requests[1]["changes"] as? [[String: Any]])?.first)
        #expect(created["action"] as? String == "created" && created["versions_before"] is NSNull)
        #expect(updated["action"] as? String == "updated")
        #expect(requests[1]["changes_total"] as? Int == 1)
        #expect(updated["versions_before"] as? [String] == created["versions_after"] as? [String])
        #expect((requests[0]["body"] as? [String: Any])?["type"] as? String == "image")
        #expect((requests[4]["body"] as? [String: Any])?["refresh_token"] as? String == "[redacted]")
        #expect(!String(decoding: listed.data, as: UTF8.self).contains("very-secret"))
        #expect(!String(decoding: listed.data, as: UTF8.self).contains(TestServer.adminToken))
    }

    @Test("the journal redacts the value of a secret sent to a path that speaks of secrets, and no other value")
    func journalRedactsSecretValues() async throws {
        let server = try TestServer()
        defer { server.discard() }
        _ = try await server.send("POST", "/api/secrets", body: #"{"name": "db", "value": "hunter2", "access": "org"}"#)
        _ = try await server.send("PATCH", "/api/secrets/some-id", body: #"{"value": "hunter3"}"#)
        _ = try await server.send("POST", "/api/workspaces/some-id/secrets", body: #"{"location": "DB", "secret": {"name": "db", "value": "hunter4"}}"#)
        _ = try await server.send("PUT", "/api/recipes", body: #"{"type": "image", "spec": {"name": "value", "value": "kept"}}"#)

        let listed = try await server.control("GET", "/_mock/requests")
        let bodies = try #require(listed.json["requests"] as? [[String: Any]]).map { $0["body"] as? [String: Any] }
        #expect(bodies[0]?["value"] as? String == "[redacted]" && bodies[0]?["name"] as? String == "db")
        #expect(bodies[1]?["value"] as? String == "[redacted]")
        #expect(bodies[2]?["secret"] as? String == "[redacted]" && bodies[2]?["location"] as? String == "DB")
        #expect((bodies[3]?["spec"] as? [String: Any])?["value"] as? String == "kept", "a value elsewhere is no secret")
        let text = String(decoding: listed.data, as: UTF8.self)
        #expect(!text.contains("hunter"))
    }

    @Test("a request that changes many recipes keeps the first 100 of its changes and counts them all")
    func journalBoundsChanges() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let images = (0..<150).map { #"{"name": "i\#($0)", "hardware_type": "cpu", "schema_version": "2022.04.01", "versions": [{"name": "v1", "image_uri": "registry.example/i:\#($0)"}]}"# }
        #expect(try await server.send("POST", "/api/recipes/apply", body: #"{"images": [\#(images.joined(separator: ", "))]}"#).status == 201)
        let entry = try #require((try await server.control("GET", "/_mock/requests").json["requests"] as? [[String: Any]])?.first)
        #expect((entry["changes"] as? [Any])?.count == 100)
        #expect(entry["changes_total"] as? Int == 150)
        #expect(entry["body_truncated"] as? Bool == true)
    }

    @Test("journal filters and count", arguments: [
        ("method=put", 2), ("path=/api/recipes*", 3), ("status=4xx", 1), ("status=201", 2), ("caller=bob", 1),
        ("method=GET&caller=alice", 0), ("since=2000-01-01T00:00:00Z", 4), ("since=2100-01-01T00:00:00Z", 0),
    ])
    func journalFilters(query: String, count: Int) async throws {
        let server = try TestServer()
        defer { server.discard() }
        _ = try await server.send("PUT", "/api/recipes", body: Self.modern)
        _ = try await server.send("PUT", "/api/recipes", body: Self.modern)
        _ = try await server.send("GET", "/api/recipes", token: TestServer.memberToken)
        _ = try await server.send("GET", "/api/orgs", token: "nope")
        #expect(try await server.control("GET", "/_mock/requests/count?\(query)").json["count"] as? Int == count)
        #expect((try await server.control("GET", "/_mock/requests?\(query)").json["requests"] as? [Any])?.count == count)
    }

    @Test("a bad journal filter is a 422 naming it; DELETE clears; the ring keeps --journal-size entries")
    func journalBounds() async throws {
        var api = SaturnAPI.Settings()
        api.journalSize = 3
        let server = try TestServer(api: api)
        defer { server.discard() }
        for path in ["/api/status", "/api/user", "/api/orgs", "/api/recipes"] { _ = try await server.send("GET", path) }
        let kept = try #require(try await server.control("GET", "/_mock/requests").json["requests"] as? [[String: Any]])
        #expect(kept.map { $0["path"] as? String } == ["/api/user", "/api/orgs", "/api/recipes"])
        let bad = try await server.control("GET", "/_mock/requests?status=teapot&since=yesterday")
        #expect(bad.status == 422)
        #expect(Set(bad.errors.keys) == ["status", "since"])
        #expect(try await server.control("DELETE", "/_mock/requests").status == 204)
        #expect(try await server.control("GET", "/_mock/requests/count").json["count"] as? Int == 0)
    }

    @Test("a fault answers with its status and a Saturn-shaped body, as many times as asked, after the matches asked")
    func statusFault() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let added = try await server.control("POST", "/_mock/faults", body: #"{"method": "put", "path": "/api/recipes*", "status": 503, "times": 2, "after": 1}"#)
        #expect(added.status == 201)
        #expect(added.json["id"] as? String == "f1")
        let statuses = try await (0..<4).asyncMap { _ in try await server.send("PUT", "/api/recipes", body: Self.modern) }
        #expect(statuses.map(\.status) == [201, 503, 503, 201])
        #expect(statuses[1].errorCode == "injected_fault")
        #expect(statuses[1].message == "Injected by saturn-mock fault rule f1.")
        #expect(try await server.send("GET", "/api/recipes").status == 200, "another method passes")
        let rule = try await server.control("GET", "/_mock/faults/f1")
        #expect(rule.json["matched"] as? Int == 3 && rule.json["applied"] as? Int == 2, "a used-up rule counts no more matches")
        let journaled = try #require(try await server.control("GET", "/_mock/requests?status=503").json["requests"] as? [[String: Any]])
        #expect(journaled.map { $0["fault"] as? String } == ["f1", "f1"])
    }

    @Test("a fault may name the caller and give its own body; faults never touch /_mock/")
    func callerFault() async throws {
        let server = try TestServer()
        defer { server.discard() }
        _ = try await server.control("POST", "/_mock/faults", body: #"{"path": "*", "caller": "bob", "status": 429, "body": {"message": "slow down"}, "times": 0}"#)
        #expect(try await server.send("GET", "/api/user").status == 200)
        let limited = try await server.send("GET", "/api/user", token: TestServer.memberToken)
        #expect(limited.status == 429)
        #expect(limited.message == "slow down")
        #expect(try await server.send("GET", "/api/orgs", token: TestServer.memberToken).status == 429, "times 0: every time")
        // A rule for every path and caller catches every API request, and still no control call.
        _ = try await server.control("POST", "/_mock/faults", body: #"{"path": "*", "status": 503, "times": 0}"#)
        #expect(try await server.send("GET", "/api/status", token: nil).status == 503)
        for (method, path) in [("GET", "/_mock/faults"), ("GET", "/_mock/requests"), ("GET", "/_mock/health"), ("POST", "/_mock/reset")] {
            #expect(try await server.control(method, path).status == 200, "\(method) \(path)")
        }
    }

    @Test("a dropped connection gets no answer at all, and the journal says so")
    func droppedConnection() async throws {
        let server = try TestServer()
        defer { server.discard() }
        _ = try await server.control("POST", "/_mock/faults", body: #"{"path": "/api/recipes", "method": "POST", "drop_connection": true}"#)
        #expect(try await server.send("POST", "/api/recipes", body: Self.modern).dropped)
        #expect(try await server.send("POST", "/api/recipes", body: Self.modern).status == 201, "times defaults to 1")
        #expect(try await server.listedNames("", token: TestServer.adminToken) == ["modern"], "the dropped request changed nothing")
        let dropped = try #require(try await server.control("GET", "/_mock/requests?status=dropped").json["requests"] as? [[String: Any]])
        #expect(dropped.count == 1 && dropped[0]["dropped"] as? Bool == true && dropped[0]["fault"] as? String == "f1")
    }

    @Test("delayed requests wait without holding a server thread: others are answered meanwhile")
    func delayHoldsNoThread() async throws {
        let server = try TestServer(.socket)
        defer { server.discard() }
        _ = try await server.control("POST", "/_mock/faults", body: #"{"path": "/api/user", "delay_ms": 3000, "times": 0}"#)
        // More delayed requests than the server has threads (one per core); once every one of them is held, status
        // answers come back while they still wait.
        let delayed = ProcessInfo.processInfo.activeProcessorCount + 2
        let finished = FinishOrder()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<delayed {
                group.addTask {
                    let answer = try await server.send("GET", "/api/user")
                    #expect(answer.status == 200)
                    finished.add("delayed")
                }
            }
            while try await server.control("GET", "/_mock/faults/f1").json["matched"] as? Int != delayed {
                try await Task.sleep(for: .milliseconds(10))
            }
            for _ in 0..<3 {
                #expect(try await server.send("GET", "/api/status", token: nil).status == 200)
                finished.add("status")
            }
            #expect(!finished.order.contains("delayed"), "every delayed request still waits")
            try await group.waitForAll()
        }
        #expect(finished.order == ["status", "status", "status"] + Array(repeating: "delayed", count: delayed))
    }

    @Test("bad fault rules are refused with the field that is wrong", arguments: [
        (#"{"status": 500}"#, "path"), (#"{"path": "/api/user"}"#, "(body)"), (#"{"path": "/api/user", "status": 99}"#, "status"),
        (#"{"path": "/api/user", "status": 500, "drop_connection": true}"#, "drop_connection"),
        (#"{"path": "/_mock/tenants", "status": 500}"#, "path"), (#"{"path": "api", "status": 500}"#, "path"),
        (#"{"path": "*", "status": 500, "body": [1]}"#, "body"), (#"{"path": "*", "delay_ms": -1}"#, "delay_ms"),
        (#"{"path": "*", "status": 500, "times": "once"}"#, "times"), (#"{"path": "*", "status": 500, "when": 1}"#, "when"),
    ])
    func badFault(body: String, path: String) async throws {
        let server = try TestServer()
        defer { server.discard() }
        let refused = try await server.control("POST", "/_mock/faults", body: body)
        #expect(refused.status == 422)
        #expect(refused.errors[path] != nil, "\(refused.errors)")
        #expect((try await server.control("GET", "/_mock/faults").json["faults"] as? [Any])?.isEmpty == true)
    }

    @Test("faults are deleted one by one or all at once; an unknown id is a 404")
    func deleteFaults() async throws {
        let server = try TestServer()
        defer { server.discard() }
        for _ in 0..<3 { _ = try await server.control("POST", "/_mock/faults", body: #"{"path": "*", "status": 500, "times": 0}"#) }
        #expect(try await server.control("DELETE", "/_mock/faults/f2").status == 204)
        #expect((try await server.control("GET", "/_mock/faults").json["faults"] as? [[String: Any]])?.map { $0["id"] as? String } == ["f1", "f3"])
        #expect(try await server.control("DELETE", "/_mock/faults/f2").errorCode == "fault_not_found")
        #expect(try await server.control("DELETE", "/_mock/faults").status == 204)
        #expect(try await server.send("GET", "/api/user").status == 200)
    }

    @Test("a minted token makes its user and membership; its role and expiry hold, by the tenant's clock")
    func mintedTokens() async throws {
        var tenancy = TenantSettings()
        tenancy.frozenClock = try Date.ISO8601FormatStyle().parse("2026-01-01T00:00:00Z")
        let server = try TestServer(tenancy: tenancy)
        defer { server.discard() }
        let minted = try await server.control("POST", "/_mock/tokens", body: #"{"username": "dave", "org": "globex", "role": "admin", "expires_in": 60}"#)
        #expect(minted.status == 201)
        #expect(minted.json["expires_at"] as? String == "2026-01-01T00:01:00Z")
        let dave = try #require(minted.json["token"] as? String)
        #expect(try await server.send("GET", "/api/orgs", token: dave).json.value("orgs") as? [[String: Any]] != nil)
        try await server.applyImage("daves", prefix: "", token: dave)
        let clock = try await server.control("POST", "/_mock/clock", body: #"{"advance_seconds": 61}"#)
        #expect(clock.json["now"] as? String == "2026-01-01T00:01:01Z")
        let expired = try await server.send("GET", "/api/user", token: dave)
        #expect(expired.status == 401)
        #expect(expired.message.contains("expired"))

        let member = try await server.control("POST", "/_mock/tokens", body: #"{"username": "bob", "org": "acme", "role": "admin"}"#)
        #expect(member.status == 409)
        #expect(member.errorCode == "role_conflict")
        let now = try await server.control("POST", "/_mock/tokens", body: #"{"username": "erin", "org": "acme", "expires_in": 0}"#)
        #expect(try await server.send("GET", "/api/user", token: #require(now.json["token"] as? String)).status == 401)
    }

    @Test("a refresh token is traded for a working access token that expires in an hour, in the default tenant and in others")
    func refreshTokens() async throws {
        var tenancy = TenantSettings()
        tenancy.frozenClock = try Date.ISO8601FormatStyle().parse("2026-01-01T00:00:00Z")
        let server = try TestServer(tenancy: tenancy)
        defer { server.discard() }
        let refreshed = try await server.send("POST", "/api/auth/token", token: nil, body: #"{"grant_type": "refresh_token", "refresh_token": "alice-refresh-token"}"#)
        #expect(refreshed.status == 200)
        #expect(refreshed.json["token_type"] as? String == "Bearer")
        #expect(refreshed.json["expires_at"] as? String == "2026-01-01T01:00:00Z" && refreshed.json["expires_in"] as? Int == 3_600)
        let access = try #require(refreshed.json["access_token"] as? String)
        #expect(try await server.send("GET", "/api/user", token: access).json["username"] as? String == "alice")
        let again = try await server.send("POST", "/api/auth/token", token: nil, body: #"{"grant_type": "refresh_token", "refresh_token": "alice-refresh-token"}"#)
        #expect(again.status == 200, "a refresh token stays valid")

        let created = try await server.control("POST", "/_mock/tenants", body: #"{"name": "one"}"#)
        let bob = try #require((created.json["users"] as? [[String: Any]])?.first { $0["username"] as? String == "bob" })
        let tenantRefresh = try #require(bob["refresh_token"] as? String)
        let inTenant = try await server.send("POST", "/t/one/api/auth/token", token: nil, body: #"{"grant_type": "refresh_token", "refresh_token": "\#(tenantRefresh)"}"#)
        let bobAccess = try #require(inTenant.json["access_token"] as? String)
        #expect(try await server.send("GET", "/api/user", token: bobAccess).json["username"] as? String == "bob", "the new token routes to its tenant")
        #expect(try await server.send("POST", "/api/auth/token", token: nil, body: #"{"grant_type": "refresh_token", "refresh_token": "\#(tenantRefresh)"}"#).status == 401,
                "a tenant's refresh token means nothing to another tenant")
    }

    @Test("bad refresh requests are refused with a clear reason", arguments: [
        (#"{"grant_type": "refresh_token", "refresh_token": "nope"}"#, 401, "invalid_grant", ""),
        (#"{"grant_type": "authorization_code", "code": "x"}"#, 422, "validation_error", "grant_type"),
        (#"{"grant_type": "refresh_token"}"#, 422, "validation_error", "refresh_token"),
        ("", 422, "validation_error", "grant_type"),
        ("{", 400, "invalid_json", ""),
    ])
    func badRefresh(body: String, status: Int, code: String, path: String) async throws {
        let server = try TestServer()
        defer { server.discard() }
        let refused = try await server.send("POST", "/api/auth/token", token: nil, body: body)
        #expect(refused.status == status)
        #expect(refused.errorCode == code)
        if !path.isEmpty { #expect(refused.errors[path] != nil, "\(refused.errors)") }
    }

    @Test("bad mints are refused with the field that is wrong", arguments: [
        (#"{"org": "acme"}"#, "username"), (#"{"username": "Dave", "org": "acme"}"#, "username"),
        (#"{"username": "acme", "org": "acme"}"#, "username"), (#"{"username": "dave", "org": "initech"}"#, "org"),
        (#"{"username": "dave", "org": "acme", "role": "owner"}"#, "role"), (#"{"username": "dave", "org": "acme", "expires_in": -5}"#, "expires_in"),
    ])
    func badMint(body: String, path: String) async throws {
        let server = try TestServer()
        defer { server.discard() }
        let refused = try await server.control("POST", "/_mock/tokens", body: body)
        #expect(refused.status == 422)
        #expect(refused.errors[path] != nil, "\(refused.errors)")
    }

    @Test("the clock is set, advanced and let run; bad clock bodies are refused", arguments: [
        (#"{"set": "2030-05-01T12:00:00Z"}"#, 200, "2030-05-01T12:00:00Z"), (#"{"set": "tomorrow"}"#, 422, "set"),
        (#"{}"#, 422, "(body)"), (#"{"set": "2030-05-01T12:00:00Z", "frozen": false}"#, 422, "frozen"),
    ])
    func clock(body: String, status: Int, expected: String) async throws {
        let server = try TestServer()
        defer { server.discard() }
        let answer = try await server.control("POST", "/_mock/clock", body: body)
        #expect(answer.status == status)
        if status == 200 {
            #expect(answer.json["now"] as? String == expected && answer.json["frozen"] as? Bool == true)
            let running = try await server.control("POST", "/_mock/clock", body: #"{"frozen": false}"#)
            #expect(running.json["frozen"] as? Bool == false)
            #expect((running.json["now"] as? String ?? "").hasPrefix("2030-05-01T12:00"))
        } else {
            #expect(answer.errors[expected] != nil, "\(answer.errors)")
        }
    }

    @Test("health reports the store and the tenant; 503 when the store cannot write")
    func health() async throws {
        let server = try TestServer()
        defer { server.discard() }
        try await server.applyImage("a")
        let healthy = try await server.control("GET", "/_mock/health")
        #expect(healthy.status == 200)
        #expect(healthy.json["status"] as? String == "ok")
        #expect(healthy.json.value("store", "kind") as? String == "journal")
        #expect((healthy.json.value("store", "journal_bytes") as? Int ?? 0) > 0)
        #expect(healthy.json.value("store", "last_sync") is String)
        #expect(healthy.json.value("tenant", "recipes") as? Int == 1)
        let failing = try TestServer(store: FullDiskStore())
        defer { failing.discard() }
        let unhealthy = try await failing.control("GET", "/_mock/health")
        #expect(unhealthy.status == 503)
        #expect(unhealthy.json["status"] as? String == "store_cannot_write")
    }

    @Test("with --control-token, control calls need it and API calls do not")
    func controlToken() async throws {
        var api = SaturnAPI.Settings()
        api.controlToken = "ops-secret"
        let server = try TestServer(api: api)
        defer { server.discard() }
        let refused = try await server.control("GET", "/_mock/health")
        #expect(refused.status == 401)
        #expect(refused.errorCode == "control_token_required")
        #expect(try await server.control("GET", "/_mock/health", authorization: "Bearer wrong").status == 401)
        #expect(try await server.control("GET", "/_mock/health", authorization: "Bearer ops-secret").status == 200)
        #expect(try await server.control("GET", "/_mock/nothing").status == 401, "not even which control paths exist")
        #expect(try await server.send("GET", "/api/user").status == 200)
    }

    @Test("with deterministic ids, the same calls give byte-identical answers on every run")
    func deterministic() async throws {
        var tenancy = TenantSettings()
        tenancy.deterministicIDs = true
        tenancy.frozenClock = try Date.ISO8601FormatStyle().parse("2026-01-01T00:00:00Z")
        var answers: [[String]] = []
        for _ in 0..<2 {
            let server = try TestServer(tenancy: tenancy)
            defer { server.discard() }
            let tenant = try await server.control("POST", "/_mock/tenants", body: "{}")
            let one = try await server.createTenant()
            let applied = try await server.send("PUT", "\(one.prefix)/api/recipes", token: one.token("alice"), body: Self.modern)
            let minted = try await server.control("POST", "\(one.prefix)/_mock/tokens", body: #"{"username": "dave", "org": "acme"}"#)
            // Only the port the server bound differs between runs.
            answers.append([tenant.data, applied.data, minted.data].map {
                String(decoding: $0, as: UTF8.self).replacingOccurrences(of: "127.0.0.1:\(server.port)", with: "127.0.0.1:PORT")
            })
        }
        #expect(answers[0] == answers[1])
        #expect(answers[0][0].contains(#""name":"t1""#))
    }

    @Test("unknown control paths and methods are answered like the API's")
    func unknownControl() async throws {
        let server = try TestServer()
        defer { server.discard() }
        #expect(try await server.control("GET", "/_mock/nothing").status == 404)
        let wrongMethod = try await server.control("PATCH", "/_mock/reset")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.header("Allow") == "POST")
    }
}

/// The order in which concurrent requests finished.
final class FinishOrder: @unchecked Sendable {
    private let lock = NSLock()
    private var names: [String] = []
    func add(_ name: String) { lock.withLock { names.append(name) } }
    var order: [String] { lock.withLock { names } }
}

extension Range where Bound == Int {
    /// Runs `body` for each number, one after another.
    func asyncMap<Result>(_ body: (Int) async throws -> Result) async rethrows -> [Result] {
        var results: [Result] = []
        for number in self { results.append(try await body(number)) }
        return results
    }
}
