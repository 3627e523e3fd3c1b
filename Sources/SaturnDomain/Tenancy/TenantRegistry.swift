import FoundationEssentials
import Synchronization

/// Every tenant the server holds, each an isolated Saturn installation built from the seed: the default tenant,
/// served at `/api`, and those the control plane creates. Finds a tenant by name or by a token it issued; tenants
/// tell it, as they commit, when their tokens change.
public final class TenantRegistry: Sendable {
    /// The installation served without a `/t/NAME` prefix.
    public static let defaultTenant = "default"
    /// Names no tenant may have: `/t/api/...` is routed as `/api/...` by token (saturn-client's `urljoin` makes such
    /// paths of a base URL without a trailing slash).
    public static let reservedNames: Set<String> = ["api"]

    private struct Tenants {
        var byName: [String: Tenant] = [:]
        /// Tenants by access token, for requests without a prefix: one look-up a request.
        var byToken: [String: Tenant] = [:]

        mutating func index(_ tenant: Tenant) {
            byToken = byToken.filter { $0.value.name != tenant.name }
            for token in tenant.directory.tokenSecrets { byToken[token] = tenant }
        }

        mutating func forget(_ name: String) {
            byName[name] = nil
            byToken = byToken.filter { $0.value.name != name }
        }
    }

    /// The seed every tenant starts from.
    public let seed: IdentityDirectory
    public let queue: CommitQueue
    public let settings: TenantSettings
    private let tenants = Mutex(Tenants())
    let sweeper: BlobSweeper

    /// Builds every tenant the store holds.
    public init(seed: IdentityDirectory, queue: CommitQueue, settings: TenantSettings) {
        self.seed = seed
        self.queue = queue
        self.settings = settings
        sweeper = BlobSweeper(commits: queue)
        var loaded = Tenants()
        for (name, tenant) in queue.store.takeLoaded().tenants {
            loaded.byName[name] = makeTenant(name, record: tenant.record, loaded: tenant)
        }
        for tenant in loaded.byName.values { loaded.index(tenant) }
        tenants.withLock { $0 = loaded }
        // Blobs a crash left unnamed (written, then never committed; or freed, then not yet removed).
        sweepBlobs()
    }

    /// The tenant of this name.
    public func tenant(named name: String) -> Tenant? {
        tenants.withLock { $0.byName[name] }
    }

    /// The tenant that issued this token, if any did.
    public func tenant(forToken token: String) -> Tenant? {
        tenants.withLock { $0.byToken[token] }
    }

    /// The default tenant.
    public var defaultTenant: Tenant {
        guard let tenant = tenant(named: Self.defaultTenant) else { preconditionFailure("the default tenant always exists") }
        return tenant
    }

    /// Every tenant's name, sorted.
    public var names: [String] { tenants.withLock { $0.byName.keys.sorted() } }

    /// Every tenant, sorted by name.
    public var all: [Tenant] { tenants.withLock { $0.byName.values.sorted { $0.name < $1.name } } }

    /// Creates a tenant from the seed with fresh tokens for every user, holding `content` (a snapshot's) or nothing.
    /// With no name, one is chosen.
    public func create(name: String?, content: TenantContent = TenantContent()) throws(DomainError) -> Committed<(Tenant, TenantRecord)> {
        if let name, !OwnerName.isValid(name) || Self.reservedNames.contains(name) {
            throw .invalid(at: "name", Self.reservedNames.contains(name)
                ? "'\(name)' is reserved: /t/\(name)/ stands for /\(name)/ (README \"Testing with the mock\")"
                : "'\(name)' breaks the tenant-name rule: \(OwnerName.rule)")
        }
        return try queue.takeTurn { turn throws(DomainError) -> Committed<(Tenant, TenantRecord)> in
            let existing = tenants.withLock { $0.byName }
            guard existing.count < settings.maxTenants else { throw .tenantLimit(settings.maxTenants) }
            let chosen = name ?? freeName(among: existing)
            guard existing[chosen] == nil else { throw .tenantExists(chosen) }
            let ids = IDSource(tenant: chosen, deterministic: settings.deterministicIDs)
            let record = TenantRecord(name: chosen, tokens: seed.users.map { ids.tokens(for: $0.username, held: 0) })
            let tenant = makeTenant(chosen, record: record, loaded: LoadedTenant(record: record, content: content))
            let commit = try turn.commit(StoreTransaction(tenant: chosen, change: .create(record, content: content))) {
                tenants.withLock { tenants in
                    tenants.byName[chosen] = tenant
                    tenants.index(tenant)
                }
                return { [self] in
                    tenant.isLive.store(false, ordering: .releasing)
                    tenants.withLock { $0.forget(chosen) }
                }
            }
            return Committed((tenant, record), commit: commit)
        }
    }

    /// Deletes a tenant and everything it holds; the default tenant stays. A command of the tenant that had not
    /// committed yet is refused from here on: a deleted tenant stays deleted.
    public func delete(name: String) throws(DomainError) -> Commit {
        guard name != Self.defaultTenant else { throw .defaultTenantIsPermanent }
        let commit = try queue.takeTurn { turn throws(DomainError) -> Commit in
            guard let tenant = tenant(named: name) else { throw .tenantNotFound(name) }
            return try turn.commit(StoreTransaction(tenant: name, change: .delete)) {
                tenant.isLive.store(false, ordering: .releasing)
                tenants.withLock { $0.forget(name) }
                return { [self] in
                    tenant.isLive.store(true, ordering: .releasing)
                    tenants.withLock { tenants in
                        tenants.byName[name] = tenant
                        tenants.index(tenant)
                    }
                }
            }
        }
        commit.whenDurable { [weak self] error in if error == nil { self?.sweepBlobs() } }
        return commit
    }

    /// Routes a tenant's tokens anew: its commits call this when its identities changed.
    private func reindex(_ tenant: Tenant) {
        tenants.withLock { tenants in
            guard tenants.byName[tenant.name] === tenant else { return }
            tenants.index(tenant)
        }
    }

    private func makeTenant(_ name: String, record: TenantRecord?, loaded: LoadedTenant) -> Tenant {
        Tenant(
            name: name, base: record.map(seed.withTokens) ?? seed, loaded: loaded, queue: queue, settings: settings,
            identitiesChanged: { [weak self] tenant in self?.reindex(tenant) },
            blobsReleased: { [weak self] in self?.sweepBlobs() }
        )
    }

    /// `t1`, `t2`, … with deterministic ids, so that runs name their tenants alike; else `t-` and random hex.
    private func freeName(among existing: [String: Tenant]) -> String {
        guard settings.deterministicIDs else { return "t-" + StableID.random().prefix(12) }
        return (1...).lazy.map { "t\($0)" }.first { existing[$0] == nil } ?? "t"
    }
}
