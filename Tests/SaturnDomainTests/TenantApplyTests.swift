import Testing
@testable import SaturnDomain

@Suite("Tenant: permissions, scoping, transactions and pagination")
struct TenantApplyTests {
    @Test("an admin's apply lands in its default org, owned by it, with access org")
    func landsInDefaultOrg() throws {
        let tenant = try Fixtures.tenant()
        let outcome = try tenant.applyDurably([Fixtures.draft()], caller: Fixtures.user("alice"))
        #expect(outcome.recipes[0].recipe.owner == OwnerPath(org: "acme", identity: "alice"))
        #expect(outcome.recipes[0].recipe.access == .org)
    }

    @Test("a member may not apply")
    func memberForbidden() throws {
        let tenant = try Fixtures.tenant()
        #expect(throws: DomainError.notOrgAdmin(username: "bob", org: "acme", action: Fixtures.writeAction)) {
            try tenant.applyDurably([Fixtures.draft()], caller: Fixtures.user("bob"))
        }
        #expect(tenant.count == 0)
    }

    @Test("an admin may not write into an org where it is only a member")
    func adminElsewhereForbidden() throws {
        let tenant = try Fixtures.tenant()
        #expect(throws: DomainError.notOrgAdmin(username: "alice", org: "globex", action: Fixtures.writeAction)) {
            try tenant.applyDurably([Fixtures.draft(owner: .path("globex/alice"))], caller: Fixtures.user("alice"))
        }
    }

    @Test("an owner outside the caller's orgs is forbidden, an unknown one is a validation problem")
    func owners() throws {
        let tenant = try Fixtures.tenant()
        let carol = try Fixtures.user("carol")
        #expect(throws: DomainError.notOrgMember(username: "carol", org: "acme")) {
            try tenant.applyDurably([Fixtures.draft(owner: .path("acme/carol"))], caller: carol)
        }
        let error = #expect(throws: DomainError.self) {
            try tenant.applyDurably([Fixtures.draft(owner: .path("globex/nobody"))], caller: carol)
        }
        #expect(error?.problems == ["spec.owner": ["no user or group 'nobody' in org 'globex'"]])
    }

    @Test("visibility by caller", arguments: [
        // (access, caller, visible)
        (RecipeAccess.org, "alice", true), (.org, "bob", true), (.org, "carol", false),
        (.owner, "alice", true), (.owner, "bob", false), (.owner, "carol", false),
        (.account, "alice", true), (.account, "bob", true), (.account, "carol", true),
    ])
    func visibility(access: RecipeAccess, caller: String, visible: Bool) throws {
        let tenant = try Fixtures.tenant()
        _ = try tenant.applyDurably([Fixtures.draft(access: access)], caller: Fixtures.user("alice"))
        let names = try tenant.view().list(RecipeListQuery(), caller: Fixtures.user(caller)).recipes.map(\.name)
        #expect(names == (visible ? ["saturn"] : []))
    }

    @Test("an admin sees owner-only images of other members; an owner selector filters and excludes other orgs")
    func adminAndSelectors() throws {
        let tenant = try Fixtures.tenant()
        let alice = try Fixtures.user("alice")
        _ = try tenant.applyDurably([Fixtures.draft(name: "a", owner: .path("acme/bob"), access: .owner)], caller: alice)
        _ = try tenant.applyDurably([Fixtures.draft(name: "b", access: .org)], caller: alice)
        _ = try tenant.applyDurably([Fixtures.draft(name: "c", access: .account)], caller: Fixtures.user("carol"))
        // Ordered by (type, owner, name): acme/alice/b, acme/bob/a, globex/carol/c.
        #expect(try tenant.view().list(RecipeListQuery(), caller: alice).recipes.map(\.name) == ["b", "a", "c"])
        var query = RecipeListQuery()
        query.owner = .path("acme/bob")
        #expect(try tenant.view().list(query, caller: alice).recipes.map(\.name) == ["a"])
        query.owner = .path("acme/")
        #expect(try tenant.view().list(query, caller: alice).recipes.map(\.name) == ["b", "a"])
        query.owner = .path("globex/")
        #expect(try tenant.view().list(query, caller: alice).recipes.map(\.name) == ["c"])
        #expect(throws: DomainError.notOrgMember(username: "bob", org: "globex")) {
            try tenant.view().list(query, caller: Fixtures.user("bob"))
        }
    }

    @Test("a set is one transaction: a forbidden image refuses the images before it too")
    func transaction() throws {
        let tenant = try Fixtures.tenant()
        let drafts = [Fixtures.draft(name: "ok"), Fixtures.draft(name: "nope", owner: .path("globex/alice"))]
        #expect(throws: DomainError.self) { try tenant.applyDurably(drafts, caller: Fixtures.user("alice")) }
        #expect(tenant.count == 0)
    }

    @Test("create-only refuses an existing recipe")
    func createOnly() throws {
        let tenant = try Fixtures.tenant()
        let alice = try Fixtures.user("alice")
        _ = try tenant.applyDurably([Fixtures.draft()], createOnly: true, caller: alice)
        #expect(throws: DomainError.recipeExists(type: "image", owner: "acme/alice", name: "saturn")) {
            try tenant.applyDurably([Fixtures.draft()], createOnly: true, caller: alice)
        }
    }

    @Test("ECR repositories not named saturn*: a warning, or a 422 problem when strict")
    func ecrRule() throws {
        let uri = "123456789012.dkr.ecr.us-west-2.amazonaws.com/team-image:1"
        let expected = "ECR repository 'team-image' does not start with 'saturn'; Saturn Cloud's IAM role can only pull ECR repositories named saturn*"
        let lenient = try Fixtures.tenant().applyDurably([Fixtures.draft(versions: [("v1", uri)])], caller: Fixtures.user("alice"))
        #expect(lenient.warnings == ["spec.versions[0].image_uri: \(expected)"])
        let strict = try Fixtures.tenant(strict: true)
        let error = #expect(throws: DomainError.self) {
            try strict.applyDurably([Fixtures.draft(versions: [("v1", uri)])], caller: Fixtures.user("alice"))
        }
        #expect(error?.problems == ["spec.versions[0].image_uri": [expected]])
        #expect(strict.count == 0)
    }

    @Test("ECR rule: the repository objected to, or none", arguments: [
        ("123456789012.dkr.ecr.us-west-2.amazonaws.com/saturn-tensorflow:1", nil),
        ("123456789012.dkr.ecr.us-west-2.amazonaws.com/tensorflow:1", "tensorflow"),
        ("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/other@sha256:0123456789abcdef0123456789abcdef", "other"),
        ("public.ecr.aws/saturncloud/saturn:2021.11.10", nil),
        ("docker.io/library/python:3", nil),
        ("python:3", nil),
    ] as [(String, String?)])
    func ecrObjection(uri: String, repository: String?) {
        let objections = ImageURIPolicy.objections(to: uri)
        let expected = repository.map { "ECR repository '\($0)' does not start with 'saturn'; Saturn Cloud's IAM role can only pull ECR repositories named saturn*" }
        #expect(objections == (expected.map { [$0] } ?? []))
    }

    @Test("pages of one walk every recipe once, forwards and back, in both orders", arguments: [false, true])
    func pagination(descending: Bool) throws {
        let tenant = try Fixtures.tenant()
        let alice = try Fixtures.user("alice")
        let names = ["a", "b", "c", "d", "e"]
        for name in names.shuffled() {
            _ = try tenant.applyDurably([Fixtures.draft(name: name)], caller: alice)
        }
        var query = RecipeListQuery()
        query.pageSize = 2
        query.descending = descending
        var seen: [String] = []
        var page = try tenant.view().list(query, caller: alice)
        #expect(page.previousCursor == nil)
        seen += page.recipes.map(\.name)
        var lastPage = page
        while let next = page.nextCursor {
            query.after = RecipeKey(cursorToken: next)
            page = try tenant.view().list(query, caller: alice)
            seen += page.recipes.map(\.name)
            lastPage = page
        }
        #expect(seen == (descending ? names.reversed() : names))
        #expect(lastPage.recipes.count == 1)
        // Walk back from the last page.
        query.after = nil
        query.before = try #require(lastPage.previousCursor.flatMap(RecipeKey.init(cursorToken:)))
        let previous = try tenant.view().list(query, caller: alice)
        #expect(previous.recipes.map(\.name) == Array(seen[2...3]))
        #expect(previous.nextCursor != nil)
    }

    @Test("type and name prefix filters")
    func filters() throws {
        let tenant = try Fixtures.tenant()
        let alice = try Fixtures.user("alice")
        for name in ["saturn", "saturn-r", "other"] {
            _ = try tenant.applyDurably([Fixtures.draft(name: name)], caller: alice)
        }
        var query = RecipeListQuery()
        query.namePrefix = "saturn"
        #expect(try tenant.view().list(query, caller: alice).recipes.map(\.name) == ["saturn", "saturn-r"])
        query.type = .job
        #expect(try tenant.view().list(query, caller: alice).recipes.isEmpty)
    }

    @Test("get prefers the caller's own recipe, and names the owners when it cannot choose")
    func getByName() throws {
        let tenant = try Fixtures.tenant()
        let alice = try Fixtures.user("alice")
        _ = try tenant.applyDurably([Fixtures.draft(owner: .path("acme/bob"))], caller: alice)
        _ = try tenant.applyDurably([Fixtures.draft(owner: .path("acme/acme"))], caller: alice)
        #expect(throws: DomainError.ambiguousRecipe(type: "image", name: "saturn", owners: ["acme/acme", "acme/bob"])) {
            try tenant.view().recipe(type: .image, name: "saturn", owner: nil, caller: alice)
        }
        #expect(try tenant.view().recipe(type: .image, name: "saturn", owner: nil, caller: Fixtures.user("bob")).owner.identity == "bob")
        #expect(try tenant.view().recipe(type: .image, name: "saturn", owner: .path("acme/acme"), caller: alice).owner.identity == "acme")
        #expect(throws: DomainError.recipeNotFound(type: "image", name: "saturn")) {
            try tenant.view().recipe(type: .image, name: "saturn", owner: nil, caller: Fixtures.user("carol"))
        }
        #expect(throws: DomainError.unknownRecipeType("pizza")) {
            try RecipeType.named("pizza")
        }
    }
}
