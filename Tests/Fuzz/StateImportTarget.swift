import SaturnDomain
import SaturnJSON

/// state-import: the tenant's state import (`PUT /_mock/state`) on a request body, against the default tenant of the
/// seed in memory. What an import accepts is the content it loads, and the journal record of that content reads back
/// the same (a start after the import would load it).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let body = try? JSONValue.parse(fuzzBytes(data, size), maximumDepth: JSONParser.requestDepth) else { return 0 }
    guard let content = try? SeedTenants.defaultTenant.importState(body).value else { return 0 }
    JournalRoundTrip.check(StoreTransaction(tenant: TenantRegistry.defaultTenant, change: .replace(content)))
    return 0
}
