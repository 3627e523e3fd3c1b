import SaturnDomain

/// One tenant as the API serves it: the domain's tenant, and what only the HTTP side keeps of it (read answers, the
/// request journal, the fault rules, the key of its presigned URLs). These live in memory: a restart clears them.
final class ServedTenant: Sendable {
    let tenant: Tenant
    let reads = ResponseCache()
    let journal: RequestJournal
    let faults = FaultRules()
    let objectURLs: ObjectURLSigner

    init(tenant: Tenant, journalSize: Int) {
        self.tenant = tenant
        journal = RequestJournal(capacity: journalSize)
        objectURLs = ObjectURLSigner(tenant: tenant)
    }
}
