import Foundation
import SaturnDomain
import Testing

@Suite("Images REST API, live: the same store as image recipes", .timeLimit(.minutes(1)))
struct ImagesTests {
    func createImage(_ server: TestServer, _ body: String = #"{"name": "demo", "access": "org"}"#) async throws -> String {
        let created = try await server.send("POST", "/api/images", body: body)
        try #require(created.status == 201, "\(String(decoding: created.data, as: UTF8.self))")
        return try #require(created.json["id"] as? String)
    }

    @Test("created, tagged, renamed and deleted through /api/images, all of it survives a restart")
    func durable() async throws {
        var tenancy = TenantSettings()
        tenancy.frozenClock = try Date.ISO8601FormatStyle().parse("2026-03-04T05:06:07Z")
        let first = try TestServer(tenancy: tenancy)
        let id = try await createImage(first)
        let tag = try await first.send("POST", "/api/images/\(id)/tags", body: #"{"image_uri": "registry.example/demo:1.0"}"#)
        #expect(tag.json["version"] as? String == "1.0", "named after the URI's tag")
        #expect(tag.json["created_at"] as? String == "2026-03-04T05:06:07+00:00")
        let doomed = try await createImage(first, #"{"name": "doomed"}"#)
        #expect(try await first.send("PATCH", "/api/images/\(id)", body: #"{"name": "renamed"}"#).status == 200)
        #expect(try await first.send("DELETE", "/api/images/\(doomed)").status == 204)
        first.stop()

        let second = try TestServer(dataDirectory: first.dataDirectory)
        defer { second.discard() }
        let image = try await second.send("GET", "/api/images/\(id)")
        #expect(image.json["name"] as? String == "renamed")
        #expect(image.json["created_at"] as? String == "2026-03-04T05:06:07+00:00")
        #expect(try await second.send("GET", "/api/images/\(doomed)").status == 404)
        #expect(try await second.listedNames("", token: TestServer.adminToken) == ["renamed"])
        let recipe = try await second.send("GET", "/api/recipes/image/renamed")
        #expect(recipe.json.stateVersions.map { $0["id"] as? String } == [tag.json["id"] as? String])
    }

    @Test("who may see and change an image: members see org images, only admins write, other orgs see nothing")
    func permissions() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let id = try await createImage(server)
        let ownerOnly = try await createImage(server, #"{"name": "private"}"#)
        #expect(try await server.send("GET", "/api/images/\(id)", token: TestServer.memberToken).status == 200)
        #expect(try await server.send("GET", "/api/images/\(ownerOnly)", token: TestServer.memberToken).status == 404, "access defaults to owner")
        #expect(try await server.send("GET", "/api/images/\(id)", token: TestServer.otherOrgAdminToken).status == 404)
        let refused = try await server.send("PATCH", "/api/images/\(id)", token: TestServer.memberToken, body: #"{"description": "mine"}"#)
        #expect(refused.status == 403)
        #expect(try await server.send("DELETE", "/api/images/\(id)/tags/nope").errorCode == "not_found")
    }

    @Test("bad image and tag bodies are refused with the field that is wrong, and change nothing", arguments: [
        ("POST", "/api/images", #"{"description": "no name"}"#, 422, "name"),
        ("POST", "/api/images", #"{"name": "x", "access": "public"}"#, 422, "access"),
        ("POST", "/api/images", #"{"name": "demo"}"#, 409, ""),
        ("PATCH", "/api/images/ID", #"{"name": "bad name"}"#, 422, "name"),
        ("PATCH", "/api/images/ID", #"{"colour": "red"}"#, 422, "colour"),
        ("POST", "/api/images/ID/tags", #"{"version": "v"}"#, 422, "image_uri"),
        ("POST", "/api/images/ID/tags", #"{"image_uri": "repo:1\r\n"}"#, 422, "image_uri"),
        ("POST", "/api/images/ID/tags", #"{"image_uri": "repo:1", "version": "bad version"}"#, 422, "version"),
        ("GET", "/api/images?access=public", "", 422, "access"),
        ("GET", "/api/images/ID/tags?next_key=nope", "", 422, "next_key"),
    ])
    func badBodies(method: String, path: String, body: String, status: Int, field: String) async throws {
        let server = try TestServer()
        defer { server.discard() }
        let id = try await createImage(server)
        let refused = try await server.send(method, path.replacingOccurrences(of: "ID", with: id), body: body.isEmpty ? nil : body)
        #expect(refused.status == status)
        if !field.isEmpty { #expect(refused.errors[field] != nil, "\(refused.errors)") }
        #expect(try await server.listedNames("", token: TestServer.adminToken) == ["demo"])
        #expect(try await server.send("GET", "/api/recipes/image/demo").json.versions.isEmpty)
    }

    @Test("an image URI that breaks the registry grammar is a tag with a Warning, refused under --strict")
    func grammarWarning() async throws {
        let server = try TestServer()
        defer { server.discard() }
        let id = try await createImage(server)
        let tagged = try await server.send("POST", "/api/images/\(id)/tags", body: #"{"image_uri": "UPPER/Case:1"}"#)
        #expect(tagged.status == 201)
        #expect(tagged.header("Warning")?.hasPrefix(#"299 saturn-mock "image_uri: 'UPPER/Case:1' breaks the registry reference grammar"#) == true)
        let strict = try TestServer(strict: true)
        defer { strict.discard() }
        let strictID = try await createImage(strict)
        #expect(try await strict.send("POST", "/api/images/\(strictID)/tags", body: #"{"image_uri": "UPPER/Case:1"}"#).status == 422)
    }
}
