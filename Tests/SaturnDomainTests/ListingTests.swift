import Testing
@testable import SaturnDomain

@Suite("Listing walks the index and agrees with a plain filter of everything")
struct ListingTests {
    /// Recipes across both orgs, several owners and every access level.
    func populatedTenant(seed: UInt64) throws -> Tenant {
        var random = SplitMix(seed: seed)
        let tenant = try Fixtures.tenant()
        let writers = [("alice", ["acme/alice", "acme/bob", "acme/acme"]), ("carol", ["globex/carol", "globex/globex"])]
        for index in 0..<120 {
            let (writer, owners) = writers[Int(random.next() % 2)]
            let owner = owners[Int(random.next() % UInt64(owners.count))]
            let access = RecipeAccess.allCases[Int(random.next() % 3)]
            let name = ["saturn", "saturn-r", "base", "gpu"][Int(random.next() % 4)] + "-\(index % 40)"
            _ = try tenant.applyDurably([Fixtures.draft(name: name, owner: .path(owner), access: access)], caller: Fixtures.user(writer))
        }
        return tenant
    }

    /// What a listing must show: every visible recipe in scope, filtered and ordered, computed the obvious way.
    func reference(_ tenant: Tenant, _ query: RecipeListQuery, caller: User) throws -> [RecipeKey] {
        let scope = try RecipeScope(owner: query.owner, caller: caller, directory: Fixtures.directory())
        let all = tenant.allRecipes().filter(scope.includes).map(\.key).filter { key in
            (query.type.map { key.type == $0 } ?? true) && (query.namePrefix.map { key.name.hasPrefix($0) } ?? true)
        }.sorted()
        return query.descending ? all.reversed() : all
    }

    @Test("every page size, order, caller and owner selector: forward and back, each visible recipe exactly once",
          arguments: [1, 2, 7, 50])
    func agreesWithReference(pageSize: Int) throws {
        let tenant = try populatedTenant(seed: UInt64(pageSize))
        for callerName in ["alice", "bob", "carol"] {
            let caller = try Fixtures.user(callerName)
            let selectors: [OwnerReference?] = callerName == "carol" ? [nil, .path("globex/"), .path("globex/carol")] : [nil, .path("acme/"), .path("acme/bob")]
            for owner in selectors {
                for descending in [false, true] {
                    for prefix in [nil, "saturn"] as [String?] {
                        var query = RecipeListQuery()
                        query.pageSize = pageSize
                        query.descending = descending
                        query.owner = owner
                        query.namePrefix = prefix
                        let expected = try reference(tenant, query, caller: caller)

                        var forward: [RecipeKey] = []
                        var page = try tenant.view().list(query, caller: caller)
                        #expect(page.previousCursor == nil)
                        forward += page.recipes.map(\.key)
                        var pages = [page]
                        while let next = page.nextCursor, pages.count < 500 {
                            query.after = RecipeKey(cursorToken: next)
                            page = try tenant.view().list(query, caller: caller)
                            forward += page.recipes.map(\.key)
                            pages.append(page)
                        }
                        #expect(forward == expected, "caller \(callerName), owner \(String(describing: owner)), descending \(descending)")

                        query.after = nil
                        var cursor = pages.last?.previousCursor
                        var backward = pages.last?.recipes.map(\.key) ?? []
                        while let previous = cursor {
                            query.before = RecipeKey(cursorToken: previous)
                            let earlier = try tenant.view().list(query, caller: caller)
                            backward = earlier.recipes.map(\.key) + backward
                            cursor = earlier.previousCursor
                        }
                        query.before = nil
                        #expect(backward == expected, "walking back: caller \(callerName), owner \(String(describing: owner))")
                    }
                }
            }
        }
    }
}

/// A small deterministic generator, so that a failure can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}

extension Tenant {
    /// Every stored recipe, for comparing listings with a plain filter.
    func allRecipes() -> [Recipe] {
        view().content.recipes
    }
}
