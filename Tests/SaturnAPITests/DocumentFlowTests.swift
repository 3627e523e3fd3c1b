import Foundation
import Testing

@Suite("The document's import flow, live", .timeLimit(.minutes(1)))
struct DocumentFlowTests {
    @Test("the document's exact JSON, applied with the admin's token, answers 201 and is listed")
    func applyAndList() async throws {
        let server = try TestServer(.socket)
        defer { server.discard() }
        let applied = try await server.send("POST", "/api/recipes/apply", bodyData: TestServer.documentRecipe())
        #expect(applied.status == 201)
        #expect(applied.recipes.map(\.specName) == ["saturn", "saturn-r"])
        #expect(applied.recipes.map { $0.value("state", "action") as? String } == ["created", "created"])

        let listed = try await server.send("GET", "/api/recipes")
        #expect(listed.status == 200)
        #expect(listed.recipes.map(\.specName) == ["saturn", "saturn-r"])
        #expect(listed.recipes.map(\.versions.count) == [1, 2])
        #expect(listed.recipes.map { $0.value("spec", "owner") as? String } == ["acme/alice", "acme/alice"])
        #expect(listed.recipes.map { $0.value("spec", "hardware_type") as? String } == ["CPU", "CPU"])
        #expect(listed.recipes.map { $0.value("spec", "access") as? String } == ["org", "org"])
        #expect(listed.recipes[1].value("spec", "supports") as? [String] == ["dask", "rstudio-opensource"])
        #expect(listed.recipes[1].versions.map { $0["image_uri"] as? String } == [
            "public.ecr.aws/saturncloud/saturn-r:2022.06.01", "public.ecr.aws/saturncloud/saturn-r:2022.09.01",
        ])
        #expect(!listed.json.keys.contains("next_key") && !listed.json.keys.contains("prev_key"), "one page: no key either way")
    }

    @Test("a member of the org sees the import; its own apply is refused with 403")
    func member() async throws {
        let server = try TestServer(.socket)
        defer { server.discard() }
        _ = try await server.send("POST", "/api/recipes/apply", bodyData: TestServer.documentRecipe())
        let refused = try await server.send("POST", "/api/recipes/apply", token: TestServer.memberToken, bodyData: TestServer.documentRecipe())
        #expect(refused.status == 403)
        #expect(refused.errorCode == "forbidden")
        #expect(refused.message == "Writing images, or another identity's workspaces, jobs and deployments, in org 'acme' needs an org admin; 'bob' is a member.")
        let listed = try await server.send("GET", "/api/recipes", token: TestServer.memberToken)
        #expect(listed.recipes.map(\.specName) == ["saturn", "saturn-r"])
    }

    @Test("another org lists nothing of it and cannot get it by name")
    func otherOrg() async throws {
        let server = try TestServer(.socket)
        defer { server.discard() }
        _ = try await server.send("POST", "/api/recipes/apply", bodyData: TestServer.documentRecipe())
        let listed = try await server.send("GET", "/api/recipes", token: TestServer.otherOrgAdminToken)
        #expect(listed.status == 200)
        #expect(listed.recipes.isEmpty)
        let fetched = try await server.send("GET", "/api/recipes/image/saturn", token: TestServer.otherOrgAdminToken)
        #expect(fetched.status == 404)
        #expect(fetched.message == "No image recipe named 'saturn' is visible to you.")
        let forbidden = try await server.send("GET", "/api/recipes?owner=acme/alice", token: TestServer.otherOrgAdminToken)
        #expect(forbidden.status == 403)
        #expect(forbidden.message == "User 'carol' is not a member of org 'acme'.")
    }

    @Test("a second identical apply is unchanged everywhere, with the same ids")
    func idempotent() async throws {
        let server = try TestServer(.socket)
        defer { server.discard() }
        let first = try await server.send("POST", "/api/recipes/apply", bodyData: TestServer.documentRecipe())
        let second = try await server.send("POST", "/api/recipes/apply", bodyData: TestServer.documentRecipe())
        #expect(second.status == 201)
        #expect(second.recipes.map { $0.value("state", "action") as? String } == ["unchanged", "unchanged"])
        #expect(second.recipes.flatMap(\.stateVersions).map { $0["action"] as? String } == ["unchanged", "unchanged", "unchanged"])
        #expect(ids(second) == ids(first))
    }

    @Test("a new version merges into the image; the others are kept with their ids")
    func newVersionMerges() async throws {
        let server = try TestServer(.socket)
        defer { server.discard() }
        let first = try await server.send("POST", "/api/recipes/apply", bodyData: TestServer.documentRecipe())
        let body = """
            {"images": [{"name": "saturn-r", "hardware_type": "cpu", "schema_version": "2022.04.01",
              "versions": [{"name": "2022.01.01", "image_uri": "public.ecr.aws/saturncloud/saturn-r:2022.12.01"}]}]}
            """
        let merged = try await server.send("POST", "/api/recipes/apply", body: body)
        #expect(merged.status == 201)
        let image = try #require(merged.recipes.first)
        #expect(image.value("state", "action") as? String == "updated")
        #expect(image.versions.map { $0["name"] as? String } == ["2021.11.10", "2021.12.01", "2022.01.01"])
        #expect(image.stateVersions.map { $0["action"] as? String } == ["unchanged", "unchanged", "created"])
        #expect(Array(image.stateVersions.prefix(2)).map { $0["id"] as? String } == first.recipes[1].stateVersions.map { $0["id"] as? String })
        #expect(image.value("spec", "supports") as? [String] == ["dask", "rstudio-opensource"], "fields left out keep their value")
    }

    @Test("stop and restart on the same data folder: the recipes and their ids are still there")
    func restart() async throws {
        let first = try TestServer(.socket)
        let applied = try await first.send("POST", "/api/recipes/apply", bodyData: TestServer.documentRecipe())
        first.stop()
        let second = try TestServer(.socket, dataDirectory: first.dataDirectory)
        defer { second.discard() }
        let listed = try await second.send("GET", "/api/recipes")
        #expect(listed.recipes.map(\.specName) == ["saturn", "saturn-r"])
        #expect(ids(listed) == ids(applied))
    }

    private func ids(_ response: TestResponse) -> [String] {
        response.recipes.flatMap { recipe in
            [recipe.value("state", "id") as? String ?? "?"] + recipe.stateVersions.map { $0["id"] as? String ?? "?" }
        }
    }
}
