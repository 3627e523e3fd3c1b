import Foundation
import Synchronization
import Testing
@testable import SaturnDomain

/// Runs that pull their image (`serve --registry`): pending until the pull's outcome is recorded, then running or
/// error; the outcome is a stored fact of the run.
@Suite("Resources: runs that pull their image")
struct PullLifecycleTests {
    /// A registry that answers what the test says, when the test says.
    final class Registry: ImagePuller {
        let missing: Set<String>
        let asked = Mutex<[(PullRequest, @Sendable (PullOutcome) -> Void)]>([])

        init(missing: Set<String> = []) {
            self.missing = missing
        }

        func objection(to uri: String) -> String? {
            missing.contains(uri) ? "'\(uri)' cannot be pulled: manifest unknown" : nil
        }

        func pull(_ request: PullRequest, record: @escaping @Sendable (PullOutcome) -> Void) {
            asked.withLock { $0.append((request, record)) }
        }

        /// Answers the pulls asked so far.
        func answer(_ outcome: PullOutcome) {
            for (_, record) in asked.withLock({ taken in defer { taken = [] }; return taken }) { record(outcome) }
        }
    }

    static func tenant(_ registry: Registry, strict: Bool = false) throws -> Tenant {
        let tenant = try Fixtures.registry { settings in
            settings.timing = ResourceTiming(startDelay: 5, stopDelay: 3, jobRunTime: 30)
            settings.servers = try! ServerCatalog.parse(Array(ResourceLifecycleTests.sizes.utf8), file: "servers.json")
            settings.imagePuller = registry
            settings.strictImageURIs = strict
        }.defaultTenant
        try tenant.clock.freeze(at: ResourceLifecycleTests.start)
        _ = try tenant.applyDurably([Fixtures.draft(versions: [("v1", "repo/saturn:1")])], caller: Fixtures.user("alice"))
        return tenant
    }

    @Test("a run is pending until its pull is recorded, then ready no earlier than the start delay")
    func pendingUntilRecorded() throws {
        let registry = Registry()
        let tenant = try Self.tenant(registry)
        let job = try ResourceLifecycleTests.apply(ResourceLifecycleTests.job(extra: #", "status": "running""#), to: tenant)
        let request = try #require(registry.asked.withLock { $0.first?.0 })
        #expect((request.use, request.run, request.uri) == (.job, 1, "repo/saturn:1"))
        try tenant.clock.advance(by: 60)
        #expect(try ResourceLifecycleTests.status(tenant, job.id.description) == .pending)
        registry.answer(PullOutcome(digest: "sha256:ab", failure: nil, unmetRequirements: ["sshd installed: usr/sbin/sshd is not in the image"]))
        let view = try tenant.view().resourceView(.job, id: job.id.description, caller: Fixtures.user("alice"))
        #expect(view.status == .error)
        #expect(view.pods[0].log.contains("  sshd installed: usr/sbin/sshd is not in the image"))
        #expect(view.pods[0].log.contains("Successfully pulled image \"repo/saturn:1\" (sha256:ab)"))
    }

    @Test("an outcome for a run that was replaced changes nothing")
    func staleOutcome() throws {
        let registry = Registry()
        let tenant = try Self.tenant(registry)
        let job = try ResourceLifecycleTests.apply(ResourceLifecycleTests.job(extra: #", "status": "running""#), to: tenant)
        let request = try #require(registry.asked.withLock { $0.first?.0 })
        let stale = PullRequest(tenant: request.tenant, resourceID: request.resourceID, run: 2, uri: request.uri, use: request.use)
        #expect(try tenant.recordPull(stale, PullOutcome(digest: nil, failure: "manifest unknown", unmetRequirements: [])).value == false)
        registry.answer(PullOutcome(digest: "sha256:ab", failure: nil, unmetRequirements: []))
        #expect(try ResourceLifecycleTests.status(tenant, job.id.description) == .pending, "the start delay has not passed")
        try tenant.clock.advance(by: 5)
        #expect(try ResourceLifecycleTests.status(tenant, job.id.description) == .running)
    }

    @Test("a version the registry lacks warns, and is refused under --strict")
    func missingManifest() throws {
        let uri = "repo/saturn:9"
        let warned = try Self.tenant(Registry(missing: [uri])).applyDurably([Fixtures.draft(versions: [("v9", uri)])], caller: Fixtures.user("alice"))
        #expect(warned.warnings == ["spec.versions[0].image_uri: 'repo/saturn:9' cannot be pulled: manifest unknown"])
        #expect(throws: DomainError.self) {
            try Self.tenant(Registry(missing: [uri]), strict: true).applyDurably([Fixtures.draft(versions: [("v9", uri)])], caller: Fixtures.user("alice"))
        }
    }
}
