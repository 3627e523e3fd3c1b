import FoundationEssentials
import Synchronization

/// Every tenant the server holds, each an isolated Saturn installation built from the seed: the default tenant,
/// served at `/api`, and those the control plane creates. Finds a tenant by name or by a token it issued.
public final class TenantRegistry: Sendable {
    /// The installation served without a `/t/NAME` prefix.
    public static let defaultTenant = "default"
    /// Names no tenant may have: `/t/api/...` is routed as `/api/...` by token (saturn-client's `urljoin` makes such
    /// paths of a base URL without a trailing slash).
    public static let reservedNames: Set<String> = ["api"]

    /// How tenants are made.
    public struct Settings: Sendable {
        /// Refuses, rather than warns about, image URIs that Saturn could not pull (README "Image references").
        public var strictImageURIs = false
        /// The sizes a resource's `instance_type` must name (`GET /api/info/servers`).
        public var servers = ServerCatalog.empty
        /// How long starting, stopping and a job's run take.
        public var timing = ResourceTiming.demo
        /// Every tenant's clock starts frozen here; nil runs them on the system's time.
        public var frozenClock: Date?
        public var deterministicIDs = false
        /// The most tenants at once, the default tenant included.
        public var maxTenants = 100

        /// The defaults: lenient, system time, random ids, 100 tenants.
        public init() {}
    }

    private struct Tenants {
        var byName: [String: RecipeCatalog] = [:]
        /// Tenants by access token, for requests without a prefix: one look-up a request.
        var byToken: [String: RecipeCatalog] = [:]

        mutating func index(_ catalog: RecipeCatalog) {
            byToken = byToken.filter { $0.value.tenant != catalog.tenant }
            for token in catalog.directory.tokenSecrets { byToken[token] = catalog }
        }
    }

    /// The seed every tenant starts from.
    public let seed: IdentityDirectory
    public let log: TransactionLog
    public let settings: Settings
    private let tenants = Mutex(Tenants())

    /// Builds every tenant the store holds.
    public init(seed: IdentityDirectory, log: TransactionLog, settings: Settings) {
        self.seed = seed
        self.log = log
        self.settings = settings
        var loaded = Tenants()
        for (name, tenant) in log.store.takeLoaded().tenants {
            loaded.byName[name] = makeCatalog(name, record: tenant.record, loaded: tenant)
        }
        for catalog in loaded.byName.values { loaded.index(catalog) }
        tenants.withLock { $0 = loaded }
    }

    /// The tenant of this name.
    public func catalog(named name: String) -> RecipeCatalog? {
        tenants.withLock { $0.byName[name] }
    }

    /// The tenant that issued this token, if any did.
    public func catalog(forToken token: String) -> RecipeCatalog? {
        tenants.withLock { $0.byToken[token] }
    }

    /// The default tenant.
    public var defaultCatalog: RecipeCatalog {
        guard let catalog = catalog(named: Self.defaultTenant) else { preconditionFailure("the default tenant always exists") }
        return catalog
    }

    /// Every tenant's name, sorted.
    public var names: [String] { tenants.withLock { $0.byName.keys.sorted() } }

    /// Every tenant, sorted by name.
    public var catalogs: [RecipeCatalog] { tenants.withLock { $0.byName.values.sorted { $0.tenant < $1.tenant } } }

    /// Creates a tenant from the seed with fresh tokens for every user, holding `content` (a snapshot's) or nothing.
    /// With no name, one is chosen.
    public func create(name: String?, content: TenantContent = TenantContent()) throws(DomainError) -> (RecipeCatalog, TenantRecord, PendingWrite) {
        if let name, !OwnerName.isValid(name) || Self.reservedNames.contains(name) {
            throw .invalid(at: "name", Self.reservedNames.contains(name)
                ? "'\(name)' is reserved: /t/\(name)/ stands for /\(name)/ (README \"Testing with the mock\")"
                : "'\(name)' breaks the tenant-name rule: \(OwnerName.rule)")
        }
        return try log.exclusive { writer throws(DomainError) -> (RecipeCatalog, TenantRecord, PendingWrite) in
            let existing = tenants.withLock { $0.byName }
            guard existing.count < settings.maxTenants else { throw .tenantLimit(settings.maxTenants) }
            let chosen = name ?? freeName(among: existing)
            guard existing[chosen] == nil else { throw .tenantExists(chosen) }
            let ids = IDSource(tenant: chosen, deterministic: settings.deterministicIDs)
            let record = TenantRecord(name: chosen, tokens: seed.users.map { ids.tokens(for: $0.username, held: 0) })
            let catalog = makeCatalog(chosen, record: record, loaded: LoadedTenant(record: record, content: content))
            let ticket = try writer.commit(StoreTransaction(tenant: chosen, change: .create(record, content: content))) {
                tenants.withLock { tenants in
                    tenants.byName[chosen] = catalog
                    tenants.index(catalog)
                }
                return { [self] in forget(chosen) }
            }
            return (catalog, record, PendingWrite(ticket: ticket, log: log))
        }
    }

    /// Deletes a tenant and everything it holds; the default tenant stays.
    public func delete(name: String) throws(DomainError) -> PendingWrite {
        guard name != Self.defaultTenant else { throw .defaultTenantIsPermanent }
        return try log.exclusive { writer throws(DomainError) -> PendingWrite in
            guard let catalog = catalog(named: name) else { throw .tenantNotFound(name) }
            let ticket = try writer.commit(StoreTransaction(tenant: name, change: .delete)) {
                forget(name)
                return { [self] in
                    tenants.withLock { tenants in
                        tenants.byName[name] = catalog
                        tenants.index(catalog)
                    }
                }
            }
            return PendingWrite(ticket: ticket, log: log)
        }
    }

    /// Routes the tenant's tokens anew after its identities changed (a mint, a reset, a restore).
    public func reindex(_ catalog: RecipeCatalog) {
        tenants.withLock { tenants in
            guard tenants.byName[catalog.tenant] === catalog else { return }
            tenants.index(catalog)
        }
    }

    private func forget(_ name: String) {
        tenants.withLock { tenants in
            tenants.byName[name] = nil
            tenants.byToken = tenants.byToken.filter { $0.value.tenant != name }
        }
    }

    private func makeCatalog(_ name: String, record: TenantRecord?, loaded: LoadedTenant) -> RecipeCatalog {
        RecipeCatalog(
            tenant: name, baseDirectory: record.map(seed.withTokens) ?? seed, loaded: loaded, log: log,
            settings: settings, clock: TenantClock(frozenAt: settings.frozenClock),
            ids: IDSource(tenant: name, deterministic: settings.deterministicIDs)
        )
    }

    /// `t1`, `t2`, … with deterministic ids, so that runs name their tenants alike; else `t-` and random hex.
    private func freeName(among existing: [String: RecipeCatalog]) -> String {
        guard settings.deterministicIDs else { return "t-" + StableID.random().prefix(12) }
        return (1...).lazy.map { "t\($0)" }.first { existing[$0] == nil } ?? "t"
    }
}
