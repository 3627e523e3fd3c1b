import Dispatch
import FoundationEssentials
import ImageInspection
import Logging
import SaturnDomain
import Synchronization

/// The registries of `serve --registry`, as the tenants' `ImagePuller`: a version's URI is looked up when it is
/// added, and each run's image is pulled and checked off the request path, on a pool of two, its outcome handed back
/// to be recorded on the run. Checks are kept by manifest digest (and layers by theirs, so a shared base layer is
/// read once); the last check of each URI answers `GET /_mock/image-checks`.
public final class ImageChecks: ImagePuller {
    private let inspector: ImageInspector
    /// Asks on the request path, where a registry that does not answer must not hold the request for long.
    private let lookups: ImageInspector
    private let logger: Logger
    private let byDigest = Mutex<[String: ImageCheck]>([:])
    private let byURI = Mutex<[String: ImageCheckRecord]>([:])
    private let inFlight = Mutex<Set<String>>([])
    private let pool = DispatchQueue(label: "saturn-mock.image-checks", attributes: .concurrent)
    private let slots = DispatchSemaphore(value: 2)

    /// How long adding a version waits for the registry's answer, in seconds.
    public static let lookupTimeout = 5

    /// Checks images of the registries `map` names, with `credentials`.
    public init(map: RegistryMap, credentials: RegistryCredentials, logger: Logger) {
        inspector = ImageInspector(client: RegistryClient(map: map, credentials: credentials), cache: LayerCache())
        lookups = ImageInspector(client: RegistryClient(map: map, credentials: credentials, timeout: Self.lookupTimeout))
        self.logger = logger
    }

    public func objection(to uri: String) -> String? {
        do {
            let started = DispatchTime.now().uptimeNanoseconds
            let image = try lookups.locate(.registry(try ImageName(uri)))
            let located = DispatchTime.now().uptimeNanoseconds
            // Checked in the background, so that the version shows what it works for.
            background(uri) { [self] in _ = try? check(uri, image, asked: started, located: located) }
            return nil
        } catch {
            remember(uri, error)
            return "'\(uri)' cannot be pulled: \(error)"
        }
    }

    public func pull(_ request: PullRequest, record: @escaping @Sendable (PullOutcome) -> Void) {
        let key = "\(request.tenant) \(request.resourceID) \(request.run)"
        guard inFlight.withLock({ $0.insert(key).inserted }) else { return }
        background(request.uri) { [self] in
            let outcome = self.outcome(of: request)
            inFlight.withLock { _ = $0.remove(key) }
            record(outcome)
        }
    }

    /// The last check of `uri`; nil when it was never checked.
    func record(of uri: String) -> ImageCheckRecord? {
        byURI.withLock { $0[uri] }
    }

    private func background(_ uri: String, _ work: @escaping @Sendable () -> Void) {
        byURI.withLock { $0[uri] = .checking }
        pool.async { [slots] in
            slots.wait()
            defer { slots.signal() }
            work()
        }
    }

    private func outcome(of request: PullRequest) -> PullOutcome {
        do {
            let started = DispatchTime.now().uptimeNanoseconds
            let image = try inspector.locate(.registry(try ImageName(request.uri)))
            let check = try check(request.uri, image, asked: started, located: DispatchTime.now().uptimeNanoseconds)
            let target = CheckTarget(rawValue: request.use.rawValue) ?? .job
            return PullOutcome(digest: image.digest, failure: nil, unmetRequirements: check.failures(for: target).map(\.line))
        } catch {
            remember(request.uri, error)
            return PullOutcome(digest: nil, failure: error.description, unmetRequirements: [])
        }
    }

    /// The check of an image found at `uri`: from the cache when its digest was checked, else read now. The log
    /// line says how long it took from when the manifest was `asked` for, and how much of that the registry took to
    /// give it (until `located`).
    private func check(_ uri: String, _ image: LocatedImage, asked started: UInt64, located: UInt64) throws(InspectionError) -> ImageCheck {
        let cached = byDigest.withLock { $0[image.digest] }
        let check: ImageCheck
        do throws(InspectionError) {
            if let cached { check = cached } else { check = try inspector.check(image) }
        } catch {
            remember(uri, error)
            throw error
        }
        byDigest.withLock { $0[image.digest] = check }
        byURI.withLock { $0[uri] = .checked(check, at: Date()) }
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000
        let manifest = Double(located - started) / 1_000_000
        let worksFor = CheckTarget.allCases.filter { check.works(for: $0) }.map(\.title)
        logger.info("checked \(uri) (\(image.digest))\(cached == nil ? "" : " from the cache") in \(milliseconds) ms (\(manifest) ms of it for the manifest): works for \(worksFor.isEmpty ? "nothing" : worksFor.joined(separator: ", "))")
        return check
    }

    private func remember(_ uri: String, _ error: InspectionError) {
        byURI.withLock { $0[uri] = .unreadable(error, at: Date()) }
        logger.info("could not pull \(uri): \(error)")
    }
}
