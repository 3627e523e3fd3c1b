import Synchronization
import Testing
@testable import SaturnDomain

@Suite("Tenants never see each other's data")
struct TenantRegistryTests {
    @Test("random applies by every user of several tenants: each tenant lists exactly its own", arguments: [1, 2, 3])
    func randomizedIsolation(seed: UInt64) throws {
        let registry = try Fixtures.registry()
        var random = SplitMix(seed: seed)
        var tenants = [registry.defaultTenant]
        for index in 0..<4 { tenants.append(try registry.create(name: "t\(index)").value.0) }
        var expected: [String: Set<String>] = [:]
        for step in 0..<300 {
            let tenant = tenants[Int(random.next() % UInt64(tenants.count))]
            let username = ["alice", "carol"][Int(random.next() % 2)]
            let caller = try #require(tenant.directory.user(named: username))
            let name = "image-\(step % 37)"
            _ = try tenant.applyDurably([Fixtures.draft(name: name, access: random.next() % 3 == 0 ? .account : .org)], caller: caller)
            expected[tenant.name, default: []].insert("\(caller.defaultOrg)/\(username)/\(name)")
        }
        for tenant in tenants {
            var seen: Set<String> = []
            for username in ["alice", "bob", "carol"] {
                let caller = try #require(tenant.directory.user(named: username))
                var query = RecipeListQuery()
                query.pageSize = 1000
                for recipe in try tenant.view().list(query, caller: caller).recipes {
                    seen.insert("\(recipe.owner)/\(recipe.name)")
                }
            }
            #expect(seen == expected[tenant.name, default: []], "tenant \(tenant.name)")
        }
        // Tokens reach their own tenant only.
        for tenant in tenants {
            for token in tenant.directory.tokenSecrets {
                #expect(registry.tenant(forToken: token) === tenant || tenant.name == TenantRegistry.defaultTenant)
            }
        }
    }

    @Test("a write the store fails to make durable is undone in every tenant it touched, newest first")
    func undoAcrossTenants() throws {
        let store = ControlledStore()
        let registry = try Fixtures.registry(store: store)
        let one = try registry.create(name: "one").value.0
        let alice = try #require(one.directory.user(named: "alice"))
        _ = try one.applyDurably([Fixtures.draft(name: "kept")], caller: alice)
        store.failNext = true
        let failing = try one.apply([.image(Fixtures.draft(name: "lost"))], createOnly: false, caller: alice)
        let reset = try registry.defaultTenant.reset()
        let errors = Mutex<[DomainError?]>([])
        failing.commit.whenDurable { error in errors.withLock { $0.append(error) } }
        reset.commit.whenDurable { error in errors.withLock { $0.append(error) } }
        #expect(errors.withLock { $0.count == 2 && $0.allSatisfy { $0 != nil } })
        var query = RecipeListQuery()
        query.pageSize = 10
        #expect(try one.view().list(query, caller: alice).recipes.map(\.name) == ["kept"])
    }
}

/// A store that fails every write after `failNext` is set, as a full disk does, once its writes are flushed.
final class ControlledStore: RecipeStore, @unchecked Sendable {
    var failNext = false
    private var last: UInt64 = 0
    private var durable: UInt64 = 0
    private var failed: UInt64 = 0
    var location: String { "controlled" }
    func takeLoaded() -> LoadedState { LoadedState() }
    func append(_ transaction: StoreTransaction) throws(StoreError) -> UInt64 {
        last += 1
        if failNext { failed = last } else { durable = last }
        return last
    }
    func whenDurable(_ ticket: UInt64, _ callback: @escaping @Sendable (StoreError?) -> Void) {
        callback(ticket <= durable ? nil : .writeFailed(file: "journal", reason: "No space left on device"))
    }
    var durableThrough: UInt64 { durable }
    var failedThrough: UInt64 { failed }
    func clearFailure() {}
    func saveSnapshot(_ content: TenantContent, tenant: String, name: String) throws(StoreError) {}
    func snapshot(tenant: String, name: String) throws(StoreError) -> TenantContent? { nil }
    func snapshotNames(tenant: String) -> [String] { [] }
    func deleteSnapshots(tenant: String, name: String?) throws(StoreError) -> Bool { false }
    let blobs: any BlobStore = InMemoryBlobStore()
    var health: StoreHealth { StoreHealth(kind: "controlled", writable: !failNext, journalBytes: 0, lastSync: nil, snapshotWritten: nil) }
    func close() {}
}

@Suite("A tenant's lifecycle is part of the transaction")
struct TenantLifecycleTests {
    @Test("a command of a tenant deleted before it commits is refused, and nothing reaches the store")
    func commandAfterDelete() throws {
        let store = InMemoryRecipeStore()
        let registry = try Fixtures.registry(store: store)
        let tenant = try registry.create(name: "gone").value.0
        let alice = try #require(tenant.directory.user(named: "alice"))
        try registry.delete(name: "gone").wait()
        #expect(throws: DomainError.tenantNotFound("gone")) { try tenant.applyDurably([Fixtures.draft()], caller: alice) }
        #expect(throws: DomainError.tenantNotFound("gone")) { try tenant.mint(username: "dave", org: "acme", role: .admin, expiresIn: nil) }
        #expect(throws: DomainError.tenantNotFound("gone")) { try tenant.saveSnapshot(named: "s") }
        #expect(store.snapshotNames(tenant: "gone").isEmpty)
        #expect(registry.tenant(named: "gone") == nil)
    }

    @Test("a tenant mints at most 1,000 tokens; then a 409 until a reset")
    func mintLimit() throws {
        let tenant = try Fixtures.tenant()
        for index in 0..<FieldLimits.mintedTokens {
            _ = try tenant.mint(username: "user-\(index % 50)", org: "acme", role: .member, expiresIn: nil)
        }
        #expect(throws: DomainError.tokenLimit(FieldLimits.mintedTokens)) { try tenant.mint(username: "one-more", org: "acme", role: .member, expiresIn: nil) }
        try tenant.reset().commit.wait()
        _ = try tenant.mint(username: "one-more", org: "acme", role: .member, expiresIn: nil)
    }
}
