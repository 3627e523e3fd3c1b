import FoundationEssentials
import Synchronization

/// One tenant's Saturn installation: its identities and its recipes of every type. Applies writes as transactions
/// through the shared `TransactionLog`, and answers what a caller may see.
///
/// Readers take the current state without waiting for a write's fsync. Its concerns live in
/// `RecipeCatalog+apply` (writes), `+listing` (pages), `+lookup` (one by name) and `+control` (reset, restore, mint).
public final class RecipeCatalog: Sendable {
    /// The tenant's name.
    public let tenant: String
    /// The tenant's identities before anything was minted: the seed's, with the tenant's tokens.
    let baseDirectory: IdentityDirectory
    let log: TransactionLog
    /// How the installation behaves: strict image URIs, sizes, the lifecycle's timing.
    public let settings: TenantRegistry.Settings
    /// The tenant's clock: token expiry and the resources' lifecycle read it.
    public let clock: TenantClock
    /// Where the tenant's new ids come from.
    public let ids: IDSource
    /// Counts changes to the state, so that what was rendered from it can be known to be current.
    let changes = Atomic<UInt64>(0)
    let state: Mutex<CatalogState>

    /// The tenant as the store loaded it.
    public init(
        tenant: String, baseDirectory: IdentityDirectory, loaded: LoadedTenant, log: TransactionLog,
        settings: TenantRegistry.Settings, clock: TenantClock, ids: IDSource
    ) {
        self.tenant = tenant
        self.baseDirectory = baseDirectory
        self.log = log
        self.settings = settings
        self.clock = clock
        self.ids = ids
        state = Mutex(CatalogState(recipes: loaded.recipes, minted: loaded.minted, base: baseDirectory))
    }

    /// Changes whenever a recipe or an identity is written or a failed write undone: a rendering made at one value
    /// is current while the value stays the same.
    public var revision: UInt64 { changes.load(ordering: .acquiring) }

    /// How many recipes are stored.
    public var count: Int { state.withLock { $0.ordered.count } }

    /// The tenant's orgs, users and tokens as they are now.
    public var directory: IdentityDirectory { state.withLock { $0.directory } }

    /// The user a token belongs to, by the tenant's clock.
    public func authenticate(token: String) throws(DomainError) -> User {
        try directory.authenticate(token: token, now: clock.now())
    }
}
