import Foundation
import Testing
@testable import SaturnDomain

/// Workspaces, jobs and deployments in the catalog: references resolved against what exists, and a lifecycle read
/// from stored times and a frozen clock.
@Suite("Resources: references and lifecycle")
struct ResourceLifecycleTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let sizes = #"{"sizes": {"large": {"cores": 2, "memory": "16 GiB", "hardware_type": "CPU", "cloud": "aws", "display_name": "Large"}}}"#

    /// A catalog with the image `saturn` (versions v1 and a bad-URI `broken`), sizes, and a clock frozen at `start`.
    static func catalog(timing: ResourceTiming = ResourceTiming(startDelay: 5, stopDelay: 3, jobRunTime: 30)) throws -> RecipeCatalog {
        let catalog = try Fixtures.registry { settings in
            settings.timing = timing
            settings.servers = try! ServerCatalog.parse(Array(sizes.utf8), file: "servers.json")
        }.defaultCatalog
        try catalog.clock.freeze(at: start)
        _ = try catalog.applyDurably([Fixtures.draft(versions: [("v1", "repo/saturn:1"), ("broken", "repo/Saturn:1")])], caller: Fixtures.user("alice"))
        return catalog
    }

    static func job(_ image: String = #""saturn:v1""#, extra: String = "") throws -> RecipeDraft {
        try ModernRecipeReader.read(Fixtures.json(
            #"{"type": "job", "spec": {"name": "nightly", "image": \#(image), "instance_type": "large", "command": "python run.py"\#(extra)}}"#
        ), rejectUnknownFields: true)
    }

    @discardableResult
    static func apply(_ draft: RecipeDraft, to catalog: RecipeCatalog, as user: String = "alice") throws -> Recipe {
        let pending = try catalog.apply([draft], createOnly: false, caller: Fixtures.user(user))
        try pending.write.wait()
        return pending.outcome.recipes[0].recipe
    }

    static func status(_ catalog: RecipeCatalog, _ id: String) throws -> ResourceStatus {
        try catalog.view(.job, id: id, caller: Fixtures.user("alice")).status
    }

    @Test("every form of image reference resolves to the same version", arguments: [
        #""saturn:v1""#, #""acme/alice/saturn:v1""#, #"{"name": "saturn", "version": "v1"}"#,
        #"{"name": "saturn", "version": "v1", "owner": "acme/alice"}"#, #"{"uri": "repo/saturn:1"}"#,
    ])
    func imageForms(reference: String) throws {
        let catalog = try Self.catalog()
        let job = try Self.apply(Self.job(reference), to: catalog)
        guard case let .resource(spec) = job.spec else { throw FixtureError.missing("a resource spec") }
        #expect(catalog.imageVersion(of: spec)?.version.name == "v1")
        let byTag = try Self.apply(Self.job(#"{"tag_id": "\#(spec.image.versionID)"}"#), to: catalog)
        #expect(byTag.id == job.id)
    }

    @Test("a tag id reference finds a version while it exists, and not once it is deleted")
    func tagIDIndex() throws {
        let catalog = try Self.catalog()
        let alice = try Fixtures.user("alice")
        let image = try catalog.recipe(type: .image, name: "saturn", owner: nil, caller: alice)
        guard case let .image(spec) = image.spec, let broken = spec.versions.last else { throw FixtureError.missing("versions") }
        _ = try Self.apply(Self.job(#"{"tag_id": "\#(broken.id)"}"#), to: catalog)
        try catalog.deleteResource(.job, id: catalog.recipe(type: .job, name: "nightly", owner: nil, caller: alice).id.description, caller: alice, allowActive: false).write.wait()
        try catalog.writeImage(id: image.id.description, caller: alice) { image, spec in
            var changed = image
            changed.spec = .image(ImageSpec(description: spec.description, hardwareType: spec.hardwareType, supports: spec.supports,
                                            access: spec.access, versions: spec.versions.filter { $0.id != broken.id }))
            return changed
        }.write.wait()
        let gone = #expect(throws: DomainError.self) { try Self.apply(Self.job(#"{"tag_id": "\#(broken.id)"}"#), to: catalog) }
        #expect(gone?.problems?["spec.image"]?.first?.hasPrefix("no image version you can see matches tag id '\(broken.id)'") == true)
    }

    @Test("a missing image, an unknown size and an archived version are refused by path, naming what exists; nothing is stored")
    func refusals() throws {
        let catalog = try Self.catalog()
        let missing = #expect(throws: DomainError.self) { try Self.apply(Self.job(#""saturn:v9""#), to: catalog) }
        #expect(missing?.problems?["spec.image"] == [
            "no image version you can see matches 'saturn:v9'; images you can see: acme/alice/saturn:v1, acme/alice/saturn:broken",
        ])
        let size = try ModernRecipeReader.read(Fixtures.json(
            #"{"type": "workspace", "spec": {"name": "w", "image": "saturn:v1", "instance_type": "huge"}}"#
        ), rejectUnknownFields: true)
        let unknownSize = #expect(throws: DomainError.self) { try Self.apply(size, to: catalog) }
        #expect(unknownSize?.problems?["spec.instance_type"] == ["'huge' is not a size of this installation; sizes: large (GET /api/info/servers)"])
        // Carol, of another org, sees no image of acme.
        let invisible = #expect(throws: DomainError.self) { try Self.apply(Self.job(), to: catalog, as: "carol") }
        #expect(invisible?.problems?["spec.image"] == [
            "no image version you can see matches 'saturn:v1'; you can see no images; import one first (POST /api/recipes/apply)",
        ])
        var archived = Fixtures.draft(versions: [("old", "repo/saturn:0")])
        archived.versions[0].archived = true
        _ = try catalog.applyDurably([archived], caller: Fixtures.user("alice"))
        let refusedArchived = #expect(throws: DomainError.self) { try Self.apply(Self.job(#""saturn:old""#), to: catalog) }
        #expect(refusedArchived?.problems?["spec.image"] == ["'saturn:old' is archived; archived versions run on existing resources only"])
        #expect(catalog.count == 1)
    }

    @Test("a member writes its own job, but not another identity's")
    func memberWrites() throws {
        let catalog = try Self.catalog()
        let own = try Self.apply(Self.job(), to: catalog, as: "bob")
        #expect(own.owner.description == "acme/bob")
        let others = try Self.job(extra: #", "owner": "acme/alice""#)
        #expect(throws: DomainError.notOrgAdmin(username: "bob", org: "acme")) { try Self.apply(others, to: catalog, as: "bob") }
    }

    @Test("a job goes pending, running, completed by the clock; a stop goes stopping, stopped; runs go to history")
    func jobLifecycle() throws {
        let catalog = try Self.catalog()
        let alice = try Fixtures.user("alice")
        let job = try Self.apply(Self.job(), to: catalog)
        #expect(try Self.status(catalog, job.id.description) == .stopped)
        try catalog.start(.job, id: job.id.description, caller: alice, debugMode: false).write.wait()
        #expect(try Self.status(catalog, job.id.description) == .pending)
        #expect(throws: DomainError.lifecycleConflict("The job is pending; stop it first, or restart it once it is running.")) {
            try catalog.start(.job, id: job.id.description, caller: alice, debugMode: false)
        }
        try catalog.clock.advance(by: 5)
        #expect(try Self.status(catalog, job.id.description) == .running)
        try catalog.clock.advance(by: 30)
        #expect(try Self.status(catalog, job.id.description) == .completed)
        try catalog.start(.job, id: job.id.description, caller: alice, debugMode: false).write.wait()
        try catalog.clock.advance(by: 6)
        try catalog.stop(.job, id: job.id.description, caller: alice).write.wait()
        #expect(try Self.status(catalog, job.id.description) == .stopping)
        try catalog.clock.advance(by: 3)
        let view = try catalog.view(.job, id: job.id.description, caller: alice)
        #expect(view.status == .stopped)
        #expect(view.pods.map(\.status) == [.stopped, .completed])
        #expect(view.pods.map(\.name) == ["job-\(job.id.description)-2", "job-\(job.id.description)-1"])
        #expect(view.pods[1].log == """
            2027-01-15T08:00:00Z Pulling image "repo/saturn:1"
            2027-01-15T08:00:05Z Successfully pulled image "repo/saturn:1"
            2027-01-15T08:00:05Z Started container main
            2027-01-15T08:00:05Z Running: python run.py
            2027-01-15T08:00:35Z Completed: the command exited with code 0
            """)
        #expect(view.pods[0].log.hasSuffix("Stopping container main\n2027-01-15T08:00:44Z Stopped container main"))
    }

    @Test("an image that breaks the registry grammar fails the start: error, and the log says why")
    func failedPull() throws {
        let catalog = try Self.catalog()
        let alice = try Fixtures.user("alice")
        let job = try Self.apply(Self.job(#""saturn:broken""#, extra: #", "status": "running""#), to: catalog)
        #expect(try Self.status(catalog, job.id.description) == .pending)
        try catalog.clock.advance(by: 5)
        let view = try catalog.view(.job, id: job.id.description, caller: alice)
        #expect(view.status == .error)
        #expect(view.pods[0].log.contains(#"Failed to pull image "repo/Saturn:1": 'repo/Saturn:1' breaks the registry reference grammar"#))
    }

    @Test("delete needs allow_active while active; restart only from running; an image in use cannot be deleted")
    func guards() throws {
        let catalog = try Self.catalog(timing: ResourceTiming(startDelay: 0, stopDelay: 0, jobRunTime: 60))
        let alice = try Fixtures.user("alice")
        let job = try Self.apply(Self.job(extra: #", "status": "running""#), to: catalog)
        #expect(throws: DomainError.lifecycleConflict("The job is running; stop it first, or delete it with ?allow_active=true.")) {
            try catalog.deleteResource(.job, id: job.id.description, caller: alice, allowActive: false)
        }
        let image = try catalog.recipe(type: .image, name: "saturn", owner: nil, caller: alice)
        #expect(throws: DomainError.imageInUse(image: "Image 'acme/alice/saturn'", users: ["job 'acme/alice/nightly'"])) {
            try catalog.writeImage(id: image.id.description, caller: alice) { _, _ in nil }
        }
        try catalog.restart(.job, id: job.id.description, caller: alice, debugMode: true).write.wait()
        try catalog.stop(.job, id: job.id.description, caller: alice).write.wait()
        #expect(throws: DomainError.lifecycleConflict("The job is stopped; only a running job restarts. POST .../start starts a stopped one.")) {
            try catalog.restart(.job, id: job.id.description, caller: alice, debugMode: false)
        }
        try catalog.deleteResource(.job, id: job.id.description, caller: alice, allowActive: false).write.wait()
        try catalog.writeImage(id: image.id.description, caller: alice) { _, _ in nil }.write.wait()
        #expect(catalog.count == 0)
    }

    @Test("an apply that changes nothing leaves the lifecycle and updated_at alone, even after the job completed")
    func unchangedApply() throws {
        let catalog = try Self.catalog()
        let first = try Self.apply(Self.job(extra: #", "status": "running""#), to: catalog)
        try catalog.clock.advance(by: 100)
        let pending = try catalog.apply([Self.job(extra: #", "status": "running""#)], createOnly: false, caller: Fixtures.user("alice"))
        #expect(pending.outcome.recipes[0].action == .unchanged)
        #expect(pending.outcome.recipes[0].recipe == first)
    }
}
