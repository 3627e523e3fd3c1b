import SaturnDomain
import Synchronization

/// The API side of every tenant the registry holds, made when a tenant is first served.
final class ServedTenants: Sendable {
    let registry: TenantRegistry
    let journalSize: Int
    /// The default tenant's, found without a look-up: most requests of a server without tenants reach it.
    let defaultTenant: ServedTenant
    private let others = Mutex<[String: ServedTenant]>([:])

    init(registry: TenantRegistry, journalSize: Int) {
        self.registry = registry
        self.journalSize = journalSize
        defaultTenant = ServedTenant(tenant: registry.defaultTenant, journalSize: journalSize)
    }

    /// The API side of this tenant; a tenant deleted and made again gets a new one.
    func served(_ tenant: Tenant) -> ServedTenant {
        if tenant === defaultTenant.tenant { return defaultTenant }
        return others.withLock { others in
            if let side = others[tenant.name], side.tenant === tenant { return side }
            let side = ServedTenant(tenant: tenant, journalSize: journalSize)
            others[tenant.name] = side
            return side
        }
    }

    /// Forgets a deleted tenant's side.
    func forget(_ tenant: String) {
        others.withLock { $0[tenant] = nil }
    }
}
