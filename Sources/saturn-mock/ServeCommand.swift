import ArgumentParser
import CMalloc
import FoundationEssentials
import Glibc
import ImageInspection
import Logging
import MicroHTTP
import SaturnAPI
import SaturnDomain
import SaturnStore

/// `saturn-mock serve`: loads the seed and the store, serves until SIGINT or SIGTERM.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the Saturn Cloud API on a local port.",
        discussion: """
            Identities (orgs, users, tokens) come from the seed file, read at every start. Recipes, tenants and minted \
            tokens live under --data-dir (unless --in-memory): a journal fsynced before each answer, compacted into \
            snapshot.json in the background; one server per folder. A damaged store stops the start with the file and \
            byte offset; --recover moves bad files aside instead. The control plane under /_mock/ (tenants, reset, \
            snapshots, request journal, faults, tokens, clock, health) is open on loopback; bound anywhere else, the \
            server needs --control-token. Every option also reads \
            SATURN_MOCK_<OPTION> from the environment (SATURN_MOCK_PORT=0, SATURN_MOCK_IN_MEMORY=1, ...); the command \
            line wins. With --registry, images resolve against registries: a version whose manifest is missing is added \
            with a warning (refused under --strict), and each start pulls and checks its image off the request path, \
            pending until the outcome is recorded on the run (GET /_mock/image-checks?uri= shows the last check). \
            SIGINT or SIGTERM stops accepting, finishes requests in flight (up to --drain-timeout; what still \
            waits then is answered 503) and exits 0.
            """
    )

    @Option(help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one (see --port-file).")
    var port = 8484

    @Option(help: "Seed file of orgs, users and tokens (the command a pip install of the wheel puts on the PATH defaults to the demo seed it carries).")
    var seed = "data/seed.json"

    @Option(help: "Folder of the store: recipes, tenants, minted tokens, snapshots (default: .saturn-mock).")
    var dataDir: String?

    @Flag(help: "Keep everything in memory only (recipes, tenants, tokens, snapshots); nothing is read or written on disk.")
    var inMemory = false

    @Flag(help: "Start even if the store is damaged: move bad files into a recovered-<time> folder and keep what is good.")
    var recover = false

    @Option(help: "Journal size in bytes after which it is compacted into snapshot.json in the background.")
    var compactAfterBytes = JournalRecipeStore.defaultCompactionBytes

    @Flag(help: "Refuse (422), rather than warn about, image URIs Saturn could not pull: ones that break the registry reference grammar, and ECR repositories not named saturn*.")
    var strict = false

    @Option(help: "Write the bound port to this file, atomically, once requests are served.")
    var portFile: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    @Option(help: "Largest request body in bytes; larger ones get 413.")
    var maxBodyBytes = 8 * 1024 * 1024

    @Option(help: "Largest state document PUT /_mock/state reads, in bytes (an export of 100,000 images is 22.5 MB); larger ones get 413.")
    var maxStateBytes = SaturnAPI.Settings().maxStateBytes

    @Option(help: "Most bytes each tenant's object storage (saturnfs's sfs://) holds in files and uploads in progress; an upload past it answers 400 object_storage_limit.")
    var maxObjectBytes = ObjectLimits.defaultMaxBytes

    @Option(help: "Seconds an idle or slow connection is kept before it is closed.")
    var connectionTimeout = 30

    @Option(help: ArgumentHelp("Seconds SIGINT or SIGTERM waits for requests in flight; those still waiting then (a fault's delay, say) are answered 503 server_stopping before it exits.", valueName: "seconds"))
    var drainTimeout = 10.0

    @Option(help: ArgumentHelp(
        "Connections open at once; one more is closed as soon as it is accepted, never left hanging. Default: the file limit (ulimit -n) less \(HTTPServerConfiguration.reservedDescriptors), here \(HTTPServerConfiguration.connectionCapacity). An idle connection costs about 5 KiB, one with a request in flight up to 32 KiB more of libmicrohttpd buffers.",
        valueName: "count"))
    var maxConnections: Int?

    @Option(help: "Every /_mock/ control request must send 'Authorization: Bearer <this token>'. Required when --host is not a loopback address.")
    var controlToken: String?

    @Option(help: "Most tenants at once, the default tenant included; POST /_mock/tenants beyond it answers 409.")
    var maxTenants = 100

    @Option(help: "Requests each tenant's journal keeps for GET /_mock/requests (in memory, cleared by a restart).")
    var journalSize = 1_000

    @Option(help: "Freeze every tenant's clock at this ISO 8601 time, from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z (e.g. 2026-01-01T00:00:00Z); POST /_mock/clock moves it.")
    var clock: String?

    @Flag(help: "Derive new ids, tokens and tenant names from the tenant and what they identify, so that runs give byte-identical answers.")
    var deterministicIds = false

    @Option(help: ArgumentHelp("Seconds a started workspace, job or deployment stays pending before it runs (or fails to pull its image); 0 runs it at once. With --registry it also waits for its image to be pulled and checked.", valueName: "seconds"))
    var startDelay = ResourceTiming.demo.startDelay

    @Option(help: ArgumentHelp("Seconds a stopped resource stays stopping before it is stopped; 0 stops it at once.", valueName: "seconds"))
    var stopDelay = ResourceTiming.demo.stopDelay

    @Option(help: ArgumentHelp("Seconds a job runs before it completes; 0 completes it as soon as it runs.", valueName: "seconds"))
    var jobRunTime = ResourceTiming.demo.jobRunTime

    @OptionGroup(title: "Images against registries (without --registry, image URIs are checked by their grammar only)")
    var registry: RegistryOptions

    func validate() throws {
        if inMemory && dataDir != nil { throw ValidationError("give --data-dir or --in-memory, not both") }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
        guard maxBodyBytes > 0 else { throw ValidationError("--max-body-bytes must be positive") }
        guard maxStateBytes > 0 else { throw ValidationError("--max-state-bytes must be positive") }
        guard maxObjectBytes >= 0 else { throw ValidationError("--max-object-bytes must be 0 or more") }
        guard connectionTimeout > 0 else { throw ValidationError("--connection-timeout must be positive") }
        guard drainTimeout >= 0, drainTimeout <= 3_600 else { throw ValidationError("--drain-timeout must be a number of seconds from 0 to 3600") }
        if let maxConnections {
            guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1") }
            let capacity = HTTPServerConfiguration.connectionCapacity
            guard maxConnections <= capacity else {
                throw ValidationError("--max-connections \(maxConnections) is over the \(capacity) that this process's file limit (ulimit -n) leaves room for: raise the limit or lower the count")
            }
        }
        guard compactAfterBytes > 0 else { throw ValidationError("--compact-after-bytes must be positive") }
        if inMemory && recover { throw ValidationError("--recover needs a data folder, not --in-memory") }
        guard maxTenants >= 1 else { throw ValidationError("--max-tenants must be at least 1 (the default tenant)") }
        for (flag, seconds) in [("--start-delay", startDelay), ("--stop-delay", stopDelay), ("--job-run-time", jobRunTime)] {
            guard seconds >= 0, seconds <= 86_400 * 365 else { throw ValidationError("\(flag) must be a number of seconds from 0 to a year, not \(seconds)") }
        }
        guard journalSize >= 1 else { throw ValidationError("--journal-size must be positive") }
        if let clock, UTCTimestamp.parse(clock) == nil {
            throw ValidationError("--clock must be \(UTCTimestamp.expectation), not '\(clock)'")
        }
        if let controlToken, controlToken.isEmpty || controlToken.contains(where: \.isWhitespace) {
            throw ValidationError("--control-token must be a non-empty token without spaces")
        }
        if controlToken == nil {
            // Judged by the addresses the name resolves to, as the server binds it; one that does not resolve fails
            // the start with the resolver's reason.
            let isLoopback = (try? HTTPServerConfiguration.isLoopbackOnly(host: host)) ?? true
            if !isLoopback {
                throw ValidationError("--host \(host) resolves to an address other machines can reach, and the control plane (/_mock/) can reset or delete everything: give --control-token (or SATURN_MOCK_CONTROL_TOKEN) too")
            }
        }
    }

    func run() throws {
        // Large buffers (request bodies, journal records, rendered pages) always get their own mapping, given back
        // when freed. glibc otherwise raises this threshold after the first such free, and then carves them from the
        // heap, where recipes fill the holes they leave: 103 MB resident with 100,000 recipes applied over HTTP, 89
        // MB with the threshold fixed.
        mallopt(M_MMAP_THRESHOLD, 128 * 1024)
        SignalWaiter.ignoreWriteSignals()
        SignalWaiter.holdTerminationSignals()
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { _ in StandardErrorLogHandler(logLevel: level) }
        let logger = Logger(label: "saturn-mock")

        let directory = try Seed.load(path: seed)
        let servers = try ServerCatalog.load(seedPath: seed)
        let store: any RecipeStore = inMemory
            ? InMemoryRecipeStore()
            : try JournalRecipeStore(
                folder: dataDir ?? ".saturn-mock", recover: recover, compactionBytes: compactAfterBytes,
                warn: { logger.warning("\($0)") }
            )
        var tenancy = TenantSettings()
        tenancy.strictImageURIs = strict
        tenancy.frozenClock = clock.flatMap(UTCTimestamp.parse)
        tenancy.deterministicIDs = deterministicIds
        tenancy.maxTenants = maxTenants
        tenancy.maxObjectBytes = maxObjectBytes
        tenancy.servers = servers
        tenancy.timing = ResourceTiming(startDelay: startDelay, stopDelay: stopDelay, jobRunTime: jobRunTime)
        var api = SaturnAPI.Settings()
        if !registry.registries.isEmpty {
            let checks = ImageChecks(map: try registry.map(), credentials: try registry.credentials(), logger: logger)
            tenancy.imagePuller = checks
            api.imageChecks = checks
        }
        let tenants = TenantRegistry(seed: directory, queue: CommitQueue(store: store), settings: tenancy)
        // Runs whose pull a stop cut short are pulled again; those with an outcome keep it.
        for tenant in tenants.all { tenant.resumePulls() }
        if level <= .info { api.accessLog = { StandardErrorLogHandler.writeAccessLine($0) } }
        api.journalSize = journalSize
        api.maxStateBytes = maxStateBytes
        api.controlToken = controlToken
        let server = HTTPServer(
            configuration: HTTPServerConfiguration(
                host: host, port: port, maxBodyBytes: maxBodyBytes, connectionTimeoutSeconds: connectionTimeout,
                maxConnections: maxConnections ?? HTTPServerConfiguration.connectionCapacity, drainTimeoutSeconds: drainTimeout
            ),
            responder: SaturnAPI(registry: tenants, settings: api, logger: logger)
        )
        if let portFile { try? FileManager.default.removeItem(atPath: portFile) }
        let boundPort: Int
        do {
            boundPort = try server.start()
        } catch {
            store.close()
            throw error
        }
        if let portFile { try PortFile.write(boundPort, to: portFile) }

        printBanner(port: boundPort, directory: directory, store: store, registry: tenants)
        SignalWaiter.waitForTermination()
        logger.info("stopping: finishing requests in flight")
        server.stop()
        store.close()
        if let portFile { try? FileManager.default.removeItem(atPath: portFile) }
        logger.info("stopped")
    }

    private func printBanner(port: Int, directory: IdentityDirectory, store: any RecipeStore, registry: TenantRegistry) {
        let displayHost = host.contains(":") ? "[\(host)]" : host
        var lines = [
            "saturn-mock \(SaturnMockCommand.configuration.version) listening on http://\(displayHost):\(port)",
            "open http://\(displayHost):\(port)/ in a browser to import an image as the document's UI does",
            "seed: \(seed) (\(directory.orgs.count) orgs, \(directory.users.count) users); store: \(store.location), \(registry.defaultTenant.count) recipes"
                + (registry.names.count > 1 ? ", \(registry.names.count - 1) more tenants" : ""),
            "control plane: http://\(displayHost):\(port)/_mock/" + (controlToken == nil ? "" : " (with the --control-token)"),
            "point the Saturn clients at it:",
            "  export SATURN_BASE_URL=http://\(displayHost):\(port)",
        ]
        if let token = directory.bannerToken() {
            lines.append("  export SATURN_TOKEN=\(token)")
        }
        let banner = Array((lines.joined(separator: "\n") + "\n").utf8)
        _ = banner.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }
}
