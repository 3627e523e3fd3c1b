import Synchronization

/// One tenant: an isolated Saturn installation with its identities, recipes, clock and ids. Every change is a
/// command (`Tenant+apply`, `+images`, `+resources`, `+identity`, `+content`) that reads the tenant as it is, decides,
/// and hands one `TenantWrite` to `run` (`Tenant+commit`), the one path by which a tenant changes. Readers take an
/// immutable `TenantView` without waiting for any write.
public final class Tenant: Sendable {
    /// The tenant's name.
    public let name: String
    let queue: CommitQueue
    /// How the installation behaves: strict image URIs, sizes, the lifecycle's timing.
    public let settings: TenantSettings
    /// The tenant's clock: token expiry and the resources' lifecycle read it.
    public let clock: TenantClock
    /// Where the tenant's new ids come from.
    public let ids: IDSource
    let state: Mutex<TenantState>
    /// Counts changes to the state, so that what was rendered from it can be known to be current.
    let revisions = Atomic<UInt64>(0)
    /// False once the tenant was deleted: a command that reaches its commit after that is refused.
    let isLive = Atomic<Bool>(true)
    /// Told, during the commit, when who holds which token changed: the registry routes tokens by it.
    let identitiesChanged: @Sendable (Tenant) -> Void
    /// Told, once a write that may leave blobs unused is durable: the registry sweeps them.
    let blobsReleased: @Sendable () -> Void

    /// The tenant as the store loaded it, or as it is created.
    init(
        name: String, base: IdentityDirectory, loaded: LoadedTenant, queue: CommitQueue, settings: TenantSettings,
        identitiesChanged: @escaping @Sendable (Tenant) -> Void, blobsReleased: @escaping @Sendable () -> Void
    ) {
        self.name = name
        self.queue = queue
        self.settings = settings
        clock = TenantClock(frozenAt: settings.frozenClock)
        ids = IDSource(tenant: name, deterministic: settings.deterministicIDs)
        self.identitiesChanged = identitiesChanged
        self.blobsReleased = blobsReleased
        state = Mutex(TenantState(recipes: loaded.recipes, minted: loaded.minted, entities: loaded.entities, base: base))
    }

    /// The tenant as it is now, to read from without holding anything: one lock, and nothing copied but references.
    public func view() -> TenantView {
        TenantView(tenant: name, state: state.withLock { $0 }, settings: settings, now: clock.now())
    }

    /// Changes whenever a recipe or an identity is written or a failed write undone: a rendering made at one value
    /// is current while the value stays the same.
    public var revision: UInt64 { revisions.load(ordering: .acquiring) }

    /// How many recipes are stored.
    public var count: Int { state.withLock { $0.catalog.count } }

    /// The tenant's orgs, users and tokens as they are now.
    public var directory: IdentityDirectory { state.withLock { $0.directory } }

    /// The user a token belongs to, by the tenant's clock.
    public func authenticate(token: String) throws(DomainError) -> User {
        try directory.authenticate(token: token, now: clock.now())
    }
}
