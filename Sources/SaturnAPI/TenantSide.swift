import SaturnDomain
import Synchronization

/// One tenant as the API serves it: its installation, and what only the HTTP side keeps of it (read answers, the
/// request journal, the fault rules). Journal and faults live in memory: a restart clears them.
final class TenantSide: Sendable {
    let catalog: RecipeCatalog
    let reads = ResponseCache()
    let journal: RequestJournal
    let faults = FaultRules()

    init(catalog: RecipeCatalog, journalSize: Int) {
        self.catalog = catalog
        journal = RequestJournal(capacity: journalSize)
    }
}

/// The API side of every tenant the registry holds, made when a tenant is first served.
final class TenantSides: Sendable {
    let registry: TenantRegistry
    let journalSize: Int
    /// The default tenant's side, found without a look-up: most requests of a server without tenants reach it.
    private let defaultSide: TenantSide
    private let sides = Mutex<[String: TenantSide]>([:])

    init(registry: TenantRegistry, journalSize: Int) {
        self.registry = registry
        self.journalSize = journalSize
        defaultSide = TenantSide(catalog: registry.defaultCatalog, journalSize: journalSize)
    }

    /// The side of this tenant's installation; a tenant deleted and made again gets a new one.
    func side(of catalog: RecipeCatalog) -> TenantSide {
        if catalog === defaultSide.catalog { return defaultSide }
        return sides.withLock { sides in
            if let side = sides[catalog.tenant], side.catalog === catalog { return side }
            let side = TenantSide(catalog: catalog, journalSize: journalSize)
            sides[catalog.tenant] = side
            return side
        }
    }

    /// Forgets a deleted tenant's side.
    func forget(_ tenant: String) {
        sides.withLock { $0[tenant] = nil }
    }
}
