import Foundation
import Testing

@Suite("Endpoints, live", .timeLimit(.minutes(1)))
struct EndpointTests {
    static let modern = #"{"schema_version": "2025.10.01", "type": "image", "spec": {"name": "modern", "hardware_type": "NVIDIA", "access": "owner", "description": "d", "versions": [{"name": "v1", "image_uri": "a/modern:1", "build_data": {"k": "v"}}]}}"#

    @Test("GET /api/status needs no token")
    func status() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let response = try await server.send("GET", "/api/status", token: nil)
        #expect(response.status == 200)
        #expect(response.json["status"] as? String == "ok")
        #expect(response.json["version"] as? String == "2026.02.01")
    }

    @Test("GET /api/user is the caller")
    func user() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let response = try await server.send("GET", "/api/user", token: TestServer.memberToken)
        #expect(response.status == 200)
        #expect(response.json["username"] as? String == "bob")
        #expect(response.json["email"] as? String == "bob@acme.test")
        #expect(response.json["admin"] as? Bool == false)
        #expect((response.json["id"] as? String)?.count == 32)
    }

    @Test("GET /api/orgs lists the caller's orgs with is_primary on its default one")
    func orgs() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let response = try await server.send("GET", "/api/orgs", token: TestServer.otherOrgAdminToken)
        let orgs = response.json["orgs"] as? [[String: Any]] ?? []
        #expect(orgs.map { $0["name"] as? String } == ["globex"])
        #expect(orgs.first?["is_primary"] as? Bool == true)
        #expect(orgs.first?.keys.contains("website_url") == true)
    }

    @Test("PUT /api/recipes creates, then updates, a modern recipe; GET by type and name returns it")
    func modernApply() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let created = try await server.send("PUT", "/api/recipes", body: Self.modern)
        #expect(created.status == 201)
        #expect(created.json.value("state", "action") as? String == "created")
        #expect(created.json.value("spec", "owner") as? String == "acme/alice")
        #expect(created.json.value("spec", "access") as? String == "owner")
        let updated = try await server.send("PUT", "/api/recipes", body: Self.modern.replacingOccurrences(of: "a/modern:1", with: "a/modern:1b"))
        #expect(updated.json.value("state", "action") as? String == "updated")
        #expect(updated.json.stateVersions.map { $0["action"] as? String } == ["updated"])
        #expect(updated.json.value("state", "id") as? String == created.json.value("state", "id") as? String)

        let fetched = try await server.send("GET", "/api/recipes/image/modern")
        #expect(fetched.status == 200)
        #expect(fetched.json.versions.first?["image_uri"] as? String == "a/modern:1b")
        #expect(fetched.json.versions.first?["build_data"] as? [String: String] == ["k": "v"])
        let template = try await server.send("GET", "/api/recipes/image/modern?as_template=True")
        #expect(template.json["state"] == nil)
        #expect(template.json.value("spec", "owner") == nil)
        #expect(try await server.send("GET", "/api/recipes/image/modern", token: TestServer.memberToken).status == 404, "owner-only")
    }

    @Test("unknown fields: refused by default, ignored with enforce_unknown=false")
    func enforceUnknown() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let body = #"{"type": "image", "spec": {"name": "x", "colour": "red"}}"#
        let refused = try await server.send("POST", "/api/recipes", body: body)
        #expect(refused.status == 422)
        #expect(refused.errors["spec.colour"] != nil)
        #expect(try await server.send("POST", "/api/recipes?enforce_unknown=false", body: body).status == 201)
    }

    @Test("page_size=1 walks every recipe exactly once, following next_key until it is absent")
    func pagination() async throws {
        let server = try TestServer()
        defer { server.discard() }
        _ = try await server.send("POST", "/api/recipes/apply", bodyData: TestServer.documentRecipe())
        _ = try await server.send("PUT", "/api/recipes", body: Self.modern)
        var names: [String] = []
        var path = "/api/recipes?page_size=1"
        var pages = 0
        while pages < 10 {
            let page = try await server.send("GET", path)
            #expect(page.status == 200)
            #expect(page.recipes.count == 1)
            names += page.recipes.map(\.specName)
            pages += 1
            guard let next = page.json["next_key"] as? String else { break }
            path = "/api/recipes?page_size=1&next_key=\(next)"
        }
        #expect(names == ["modern", "saturn", "saturn-r"])
        let descending = try await server.send("GET", "/api/recipes?descending=True&page_size=1000")
        #expect(descending.recipes.map(\.specName) == ["saturn-r", "saturn", "modern"])
    }

    @Test("a three-page walk, byte for byte: each key is left out where there is no page in its direction, never null")
    func pageKeysOnTheWire() async throws {
        let server = try TestServer()
        defer { server.discard() }
        #expect(try await server.send("POST", "/api/recipes/apply", bodyData: TestServer.documentRecipe()).status == 201)
        #expect(try await server.send("PUT", "/api/recipes", body: Self.modern).status == 201)
        let key = #""([A-Za-z0-9_-]+)""#
        func tail(_ page: TestResponse, _ pattern: String) throws -> [String] {
            #expect(page.status == 200)
            let body = String(decoding: page.data, as: UTF8.self)
            #expect(body.hasPrefix(#"{"recipes":[{"#))
            #expect(!body.contains("null"))
            let match = try #require(try Regex(#"\],"# + pattern + #"\}$"#).firstMatch(in: body), "\(body)")
            return match.output.dropFirst().compactMap { $0.substring.map(String.init) }
        }
        let first = try await server.send("GET", "/api/recipes?page_size=1")
        let firstNext = try tail(first, #""next_key":"# + key)
        let middle = try await server.send("GET", "/api/recipes?page_size=1&next_key=\(firstNext[0])")
        let middleKeys = try tail(middle, #""prev_key":"# + key + #","next_key":"# + key)
        let last = try await server.send("GET", "/api/recipes?page_size=1&next_key=\(middleKeys[1])")
        let lastPrevious = try tail(last, #""prev_key":"# + key)
        #expect([first, middle, last].map { $0.recipes.map(\.specName) } == [["modern"], ["saturn"], ["saturn-r"]])
        let back = try await server.send("GET", "/api/recipes?page_size=1&prev_key=\(lastPrevious[0])")
        #expect(back.data == middle.data, "prev_key from the last page gives the middle page again, byte for byte")
    }

    @Test("a repeated read is answered again after every write, never from before it")
    func readsFollowWrites() async throws {
        let server = try TestServer()
        defer { server.discard() }
        for round in 1...3 {
            let body = Self.modern.replacingOccurrences(of: "a/modern:1", with: "a/modern:\(round)")
            #expect(try await server.send("PUT", "/api/recipes", body: body).status == 201)
            let listed = try await server.send("GET", "/api/recipes")
            #expect(listed.recipes.first?.versions.first?["image_uri"] as? String == "a/modern:\(round)")
            let fetched = try await server.send("GET", "/api/recipes/image/modern")
            #expect(fetched.json.versions.first?["image_uri"] as? String == "a/modern:\(round)")
        }
        #expect(try await server.send("GET", "/api/recipes", token: TestServer.memberToken).recipes.isEmpty, "the admin's cached answer is not the member's")
    }

    @Test("filters: type, name prefix, owner with a plain or encoded slash")
    func filters() async throws {
        let server = try TestServer()
        defer { server.discard() }
        _ = try await server.send("POST", "/api/recipes/apply", bodyData: TestServer.documentRecipe())
        #expect(try await server.send("GET", "/api/recipes?name=saturn-").recipes.map(\.specName) == ["saturn-r"])
        #expect(try await server.send("GET", "/api/recipes?type=job").recipes.isEmpty)
        #expect(try await server.send("GET", "/api/recipes?owner=acme/alice").recipes.count == 2)
        #expect(try await server.send("GET", "/api/recipes?owner_name=acme%2Falice").recipes.count == 2)
        #expect(try await server.send("GET", "/api/recipes?owner=acme/bob").recipes.isEmpty)
    }

    @Test("an ECR repository not named saturn* is accepted with a Warning header, refused under --strict")
    func ecrRule() async throws {
        let body = #"{"type": "image", "spec": {"name": "ecr", "versions": [{"name": "v1", "image_uri": "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/app:1"}]}}"#
        let lenient = try TestServer()
        defer { lenient.discard() }
        let accepted = try await lenient.send("PUT", "/api/recipes", body: body)
        #expect(accepted.status == 201)
        #expect(accepted.header("Warning") == #"299 saturn-mock "spec.versions[0].image_uri: ECR repository 'team/app' does not start with 'saturn'; Saturn Cloud's IAM role can only pull ECR repositories named saturn*""#)
        let strict = try TestServer(strict: true)
        defer { strict.discard() }
        let refused = try await strict.send("PUT", "/api/recipes", body: body)
        #expect(refused.status == 422)
        #expect(refused.errors["spec.versions[0].image_uri"]?.first?.hasPrefix("ECR repository 'team/app'") == true)
    }

    @Test("an image URI that breaks the registry grammar is accepted with a Warning naming the part, refused under --strict")
    func grammarWarning() async throws {
        let body = #"{"type": "image", "spec": {"name": "typo", "versions": [{"name": "v1", "image_uri": "UPPER/Case:1"}]}}"#
        let lenient = try TestServer()
        defer { lenient.discard() }
        let accepted = try await lenient.send("PUT", "/api/recipes", body: body)
        #expect(accepted.status == 201)
        #expect(accepted.header("Warning") == #"299 saturn-mock "spec.versions[0].image_uri: 'UPPER/Case:1' breaks the registry reference grammar: the repository path component 'UPPER' must be lowercase letters and digits, joined by '.', '_', '__' or '-'; Saturn Cloud could not pull it""#)
        let strict = try TestServer(strict: true)
        defer { strict.discard() }
        let refused = try await strict.send("PUT", "/api/recipes", body: body)
        #expect(refused.status == 422)
        #expect(refused.errors["spec.versions[0].image_uri"]?.first?.hasPrefix("'UPPER/Case:1' breaks the registry reference grammar") == true)
        #expect(try await strict.send("GET", "/api/recipes").recipes.isEmpty)
    }

    @Test("a URI holding a header injection is a 422 naming the path, through either apply, and nothing is stored")
    func headerInjection() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let uri = #"repo:1\r\n X-Evil: 1"#
        let legacy = try await server.send("POST", "/api/recipes/apply", body: #"{"images": [{"name": "x", "hardware_type": "cpu", "schema_version": "2022.04.01", "versions": [{"name": "v1", "image_uri": "\#(uri)"}]}]}"#)
        #expect(legacy.status == 422)
        #expect(legacy.errors == ["images[0].versions[0].image_uri": ["contains the control character U+000D at character 7; an image reference is printable ASCII"]])
        #expect(legacy.header("X-Evil") == nil)
        let modern = try await server.send("PUT", "/api/recipes", body: #"{"type": "image", "spec": {"name": "x", "versions": [{"name": "v1", "image_uri": "\#(uri)"}]}}"#)
        #expect(modern.status == 422)
        #expect(modern.errors["spec.versions[0].image_uri"] == ["contains the control character U+000D at character 7; an image reference is printable ASCII"])
        #expect(try await server.send("GET", "/api/recipes").recipes.isEmpty)
    }

    @Test("GET /api/info/servers answers the seed's catalogue of sizes to any caller with a token")
    func serverOptions() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let options = try await server.send("GET", "/api/info/servers", token: TestServer.memberToken)
        #expect(options.status == 200)
        let sizes = try #require(options.json["sizes"] as? [String: [String: Any]])
        #expect(sizes["large"]?["cores"] as? Int == 2 && sizes["large"]?["memory"] as? String == "16Gi")
        #expect(sizes.values.allSatisfy { $0["gpu"] is Int }, "saturn-client sorts by gpu")
        #expect((options.json["disk_space"] as? [Any])?.isEmpty == false)
        #expect(try await server.send("GET", "/api/info/servers", token: nil).status == 401)
    }

    @Test("the UI is served from the binary, at / and under a tenant's prefix, with its type, ETag and a strict policy")
    func userInterface() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let page = try await server.send("GET", "/", token: nil)
        #expect(page.status == 200)
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        #expect(page.header("Content-Security-Policy")?.hasPrefix("default-src 'none'; script-src 'self'") == true)
        #expect(String(decoding: page.data, as: UTF8.self).contains(#"<script src="ui/app.js" defer></script>"#))
        for (path, type) in [("/ui/app.js", "text/javascript; charset=utf-8"), ("/ui/app.css", "text/css; charset=utf-8")] {
            let asset = try await server.send("GET", path, token: nil)
            #expect(asset.status == 200 && asset.header("Content-Type") == type && !asset.data.isEmpty)
            let etag = try #require(asset.header("ETag"))
            let cached = try await server.send("GET", path, token: nil, extraHeaders: ["If-None-Match": etag])
            #expect(cached.status == 304 && cached.data.isEmpty)
        }
        _ = try await server.control("POST", "/_mock/tenants", body: #"{"name": "one"}"#)
        #expect(try await server.send("GET", "/t/one/", token: nil).data == page.data)
        #expect((try await server.control("GET", "/_mock/requests/count").json["count"] as? Int) == 0, "the UI's files are not journaled")
    }
}
