import Foundation
import SaturnDomain
import Synchronization
@testable import SaturnStore

/// A data folder of its own, removed at the end.
final class TemporaryFolder {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("saturn-mock-store-\(UUID().uuidString)").path
    deinit { try? FileManager.default.removeItem(atPath: path) }

    var layout: StoreLayout { StoreLayout(folder: path) }

    func bytes(_ file: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: file)))
    }

    func write(_ bytes: [UInt8], to file: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: file))
    }

    func files() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }
}

/// Collects the store's warnings.
final class Warnings: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    var sink: @Sendable (String) -> Void { { [self] line in lines.withLock { $0.append(line) } } }
}

enum StoreFixtures {
    /// Identities for tenants over a store: acme with its admin alice.
    static func directory() throws -> IdentityDirectory {
        let seed = #"{"orgs": [{"name": "acme", "is_primary": true}], "users": [{"username": "alice", "memberships": {"acme": "admin"}, "tokens": [{"token": "alice-token"}]}]}"#
        return try Seed.parse(Array(seed.utf8), file: "store-test-seed.json")
    }

    /// Waits until a tenant's commit is durable, or throws what undid it.
    static func wait(_ commit: Commit) throws {
        let done = DispatchSemaphore(value: 0)
        let failure = Mutex<DomainError?>(nil)
        commit.whenDurable { error in
            failure.withLock { $0 = error }
            done.signal()
        }
        done.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }

    /// The default tenant's recipes written whole.
    static func put(_ recipes: [Recipe]) -> StoreTransaction {
        StoreTransaction(tenant: TenantRegistry.defaultTenant, change: .put(recipes))
    }

    /// A state holding `recipes` in the default tenant.
    static func state(_ recipes: [Recipe]) -> LoadedState {
        var state = LoadedState()
        state.apply(put(recipes))
        return state
    }

    /// An image recipe of acme/alice with one version.
    static func image(name: String) -> Recipe {
        Recipe(
            id: RecordID("id-\(name)"), owner: OwnerPath(org: "acme", identity: "alice"), name: name,
            spec: .image(ImageSpec(
                description: "", hardwareType: .cpu, supports: nil, access: .org,
                versions: [ImageVersion(id: RecordID("v-\(name)"), name: "v1", imageURI: "repo/\(name):1", description: nil, archived: false, buildData: nil,
                                        createdAt: Recipe.unrecordedCreation)]
            )),
            createdAt: Recipe.unrecordedCreation
        )
    }
}

extension JournalRecipeStore {
    /// Appends the default tenant's recipes and waits until they are durable.
    func appendDurably(_ recipes: [Recipe]) throws {
        try appendDurably(StoreFixtures.put(recipes))
    }

    /// Appends one transaction and waits until it is durable, as the tenant does before an answer goes out.
    func appendDurably(_ transaction: StoreTransaction) throws {
        let ticket = try append(transaction)
        let done = DispatchSemaphore(value: 0)
        let failure = Mutex<StoreError?>(nil)
        whenDurable(ticket) { error in
            failure.withLock { $0 = error }
            done.signal()
        }
        done.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }
}

extension LoadedState {
    /// The default tenant's recipes, in key order.
    var defaultRecipes: [Recipe] { tenants[TenantRegistry.defaultTenant]?.recipes.sorted ?? [] }
}
