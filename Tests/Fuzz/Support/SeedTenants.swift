#if canImport(Glibc)
import Glibc
#endif
import SaturnDomain

/// Tenants over the seed `data/seed.json` (or `$SATURN_FUZZ_SEED`), kept in memory, with deterministic ids: what the
/// state-import and router targets run against. Built once per process.
///
/// The domain's construction API (TenantRegistry, CommitQueue, TenantSettings) is used here and nowhere else.
enum SeedTenants {
    /// The registry: the default tenant and `t1`.
    static let registry: TenantRegistry = {
        let path = getenv("SATURN_FUZZ_SEED").map { String(cString: $0) } ?? "data/seed.json"
        let seed: IdentityDirectory
        do throws(SeedError) {
            seed = try Seed.load(path: path)
        } catch {
            fatalError("the fuzz target cannot read the seed \(path) (run it from the repository or set SATURN_FUZZ_SEED): \(error)")
        }
        var settings = TenantSettings()
        settings.deterministicIDs = true
        let registry = TenantRegistry(seed: seed, queue: CommitQueue(store: InMemoryRecipeStore()), settings: settings)
        do throws(DomainError) {
            _ = try registry.create(name: "t1")
        } catch {
            fatalError("the fuzz target cannot create tenant t1: \(error)")
        }
        return registry
    }()

    /// The default tenant, whose state the state-import target replaces.
    static var defaultTenant: Tenant { registry.defaultTenant }
}
