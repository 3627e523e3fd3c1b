import FoundationEssentials

/// How the server's tenants behave, the same for each of them.
public struct TenantSettings: Sendable {
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
    /// Pulls and checks the images that runs start, and is asked about the URIs of versions added (`serve
    /// --registry`); nil checks URIs by their grammar only.
    public var imagePuller: (any ImagePuller)?
    /// The most bytes a tenant's object storage holds, in files and uploads in progress (`--max-object-bytes`).
    public var maxObjectBytes = ObjectLimits.defaultMaxBytes

    /// The defaults: lenient, system time, random ids, 100 tenants.
    public init() {}
}
