import Foundation
import Testing
@testable import SaturnDomain

/// Workspaces, jobs and deployments of a tenant: references resolved against what exists, and a lifecycle read
/// from stored times and a frozen clock.
@Suite("Resources: references and lifecycle")
struct ResourceLifecycleTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let sizes = #"{"sizes": {"large": {"cores": 2, "memory": "16 GiB", "hardware_type": "CPU", "cloud": "aws", "display_name": "Large"}}}"#

    /// A tenant with the image `saturn` (versions v1 and a bad-URI `broken`), sizes, and a clock frozen at `start`.
    static func tenant(timing: ResourceTiming = ResourceTiming(startDelay: 5, stopDelay: 3, jobRunTime: 30)) throws -> Tenant {
        let tenant = try Fixtures.registry { settings in
            settings.timing = timing
            settings.servers = try! ServerCatalog.parse(Array(sizes.utf8), file: "servers.json")
        }.defaultTenant
        try tenant.clock.freeze(at: start)
        _ = try tenant.applyDurably([Fixtures.draft(versions: [("v1", "repo/saturn:1"), ("broken", "repo/Saturn:1")])], caller: Fixtures.user("alice"))
        return tenant
    }

    static func job(_ image: String = #""saturn:v1""#, extra: String = "") throws -> RecipeDraft {
        try ModernRecipeReader.read(Fixtures.json(
            #"{"type": "job", "spec": {"name": "nightly", "image": \#(image), "instance_type": "large", "command": "python run.py"\#(extra)}}"#
        ), rejectUnknownFields: true)
    }

    @discardableResult
    static func apply(_ draft: RecipeDraft, to tenant: Tenant, as user: String = "alice") throws -> Recipe {
        let applied = try tenant.apply([draft], createOnly: false, caller: Fixtures.user(user))
        try applied.commit.wait()
        return applied.value.recipes[0].recipe
    }

    static func status(_ tenant: Tenant, _ id: String) throws -> ResourceStatus {
        try tenant.view().resourceView(.job, id: id, caller: Fixtures.user("alice")).status
    }

    @Test("every form of image reference resolves to the same version", arguments: [
        #""saturn:v1""#, #""acme/alice/saturn:v1""#, #"{"name": "saturn", "version": "v1"}"#,
        #"{"name": "saturn", "version": "v1", "owner": "acme/alice"}"#, #"{"uri": "repo/saturn:1"}"#,
    ])
    func imageForms(reference: String) throws {
        let tenant = try Self.tenant()
        let job = try Self.apply(Self.job(reference), to: tenant)
        guard case let .resource(spec) = job.spec else { throw FixtureError.missing("a resource spec") }
        #expect(tenant.view().imageVersion(of: spec)?.version.name == "v1")
        let byTag = try Self.apply(Self.job(#"{"tag_id": "\#(spec.image.versionID)"}"#), to: tenant)
        #expect(byTag.id == job.id)
    }

    @Test("a tag id reference finds a version while it exists, and not once it is deleted")
    func tagIDIndex() throws {
        let tenant = try Self.tenant()
        let alice = try Fixtures.user("alice")
        let image = try tenant.view().recipe(type: .image, name: "saturn", owner: nil, caller: alice)
        guard case let .image(spec) = image.spec, let broken = spec.versions.last else { throw FixtureError.missing("versions") }
        _ = try Self.apply(Self.job(#"{"tag_id": "\#(broken.id)"}"#), to: tenant)
        try tenant.deleteResource(.job, id: tenant.view().recipe(type: .job, name: "nightly", owner: nil, caller: alice).id.description, caller: alice, allowActive: false).commit.wait()
        try tenant.deleteTag(imageID: image.id.description, tagID: broken.id.description, caller: alice).commit.wait()
        let gone = #expect(throws: DomainError.self) { try Self.apply(Self.job(#"{"tag_id": "\#(broken.id)"}"#), to: tenant) }
        #expect(gone?.problems?["spec.image"]?.first?.hasPrefix("no image version you can see matches tag id '\(broken.id)'") == true)
    }

    @Test("a missing image, an unknown size and an archived version are refused by path, naming what exists; nothing is stored")
    func refusals() throws {
        let tenant = try Self.tenant()
        let missing = #expect(throws: DomainError.self) { try Self.apply(Self.job(#""saturn:v9""#), to: tenant) }
        #expect(missing?.problems?["spec.image"] == [
            "no image version you can see matches 'saturn:v9'; images you can see: acme/alice/saturn:v1, acme/alice/saturn:broken",
        ])
        let size = try ModernRecipeReader.read(Fixtures.json(
            #"{"type": "workspace", "spec": {"name": "w", "image": "saturn:v1", "instance_type": "huge"}}"#
        ), rejectUnknownFields: true)
        let unknownSize = #expect(throws: DomainError.self) { try Self.apply(size, to: tenant) }
        #expect(unknownSize?.problems?["spec.instance_type"] == ["'huge' is not a size of this installation; sizes: large (GET /api/info/servers)"])
        // Carol, of another org, sees no image of acme.
        let invisible = #expect(throws: DomainError.self) { try Self.apply(Self.job(), to: tenant, as: "carol") }
        #expect(invisible?.problems?["spec.image"] == [
            "no image version you can see matches 'saturn:v1'; you can see no images; import one first (POST /api/recipes/apply)",
        ])
        var archived = Fixtures.draft(versions: [("old", "repo/saturn:0")])
        archived.versions[0].archived = true
        _ = try tenant.applyDurably([archived], caller: Fixtures.user("alice"))
        let refusedArchived = #expect(throws: DomainError.self) { try Self.apply(Self.job(#""saturn:old""#), to: tenant) }
        #expect(refusedArchived?.problems?["spec.image"] == ["'saturn:old' is archived; archived versions run on existing resources only"])
        #expect(tenant.count == 1)
    }

    @Test("a member writes its own job, but not another identity's")
    func memberWrites() throws {
        let tenant = try Self.tenant()
        let own = try Self.apply(Self.job(), to: tenant, as: "bob")
        #expect(own.owner.description == "acme/bob")
        let others = try Self.job(extra: #", "owner": "acme/alice""#)
        #expect(throws: DomainError.notOrgAdmin(username: "bob", org: "acme", action: Fixtures.writeAction)) { try Self.apply(others, to: tenant, as: "bob") }
    }

    @Test("a job goes pending, running, completed by the clock; a stop goes stopping, stopped; runs go to history")
    func jobLifecycle() throws {
        let tenant = try Self.tenant()
        let alice = try Fixtures.user("alice")
        let job = try Self.apply(Self.job(), to: tenant)
        #expect(try Self.status(tenant, job.id.description) == .stopped)
        try tenant.start(.job, id: job.id.description, caller: alice, debugMode: false).commit.wait()
        #expect(try Self.status(tenant, job.id.description) == .pending)
        #expect(throws: DomainError.lifecycleConflict("The job is pending; stop it first, or restart it once it is running.")) {
            try tenant.start(.job, id: job.id.description, caller: alice, debugMode: false)
        }
        try tenant.clock.advance(by: 5)
        #expect(try Self.status(tenant, job.id.description) == .running)
        try tenant.clock.advance(by: 30)
        #expect(try Self.status(tenant, job.id.description) == .completed)
        try tenant.start(.job, id: job.id.description, caller: alice, debugMode: false).commit.wait()
        try tenant.clock.advance(by: 6)
        try tenant.stop(.job, id: job.id.description, caller: alice).commit.wait()
        #expect(try Self.status(tenant, job.id.description) == .stopping)
        try tenant.clock.advance(by: 3)
        let view = try tenant.view().resourceView(.job, id: job.id.description, caller: alice)
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
        let tenant = try Self.tenant()
        let alice = try Fixtures.user("alice")
        let job = try Self.apply(Self.job(#""saturn:broken""#, extra: #", "status": "running""#), to: tenant)
        #expect(try Self.status(tenant, job.id.description) == .pending)
        try tenant.clock.advance(by: 5)
        let view = try tenant.view().resourceView(.job, id: job.id.description, caller: alice)
        #expect(view.status == .error)
        #expect(view.pods[0].log.contains(#"Failed to pull image "repo/Saturn:1": 'repo/Saturn:1' breaks the registry reference grammar"#))
    }

    @Test("delete needs allow_active while active; restart only from running; an image in use cannot be deleted")
    func guards() throws {
        let tenant = try Self.tenant(timing: ResourceTiming(startDelay: 0, stopDelay: 0, jobRunTime: 60))
        let alice = try Fixtures.user("alice")
        let job = try Self.apply(Self.job(extra: #", "status": "running""#), to: tenant)
        #expect(throws: DomainError.lifecycleConflict("The job is running; stop it first, or delete it with ?allow_active=true.")) {
            try tenant.deleteResource(.job, id: job.id.description, caller: alice, allowActive: false)
        }
        let image = try tenant.view().recipe(type: .image, name: "saturn", owner: nil, caller: alice)
        #expect(throws: DomainError.imageInUse(image: "Image 'acme/alice/saturn'", users: ["job 'acme/alice/nightly'"])) {
            try tenant.deleteImage(id: image.id.description, caller: alice)
        }
        try tenant.restart(.job, id: job.id.description, caller: alice, debugMode: true).commit.wait()
        try tenant.stop(.job, id: job.id.description, caller: alice).commit.wait()
        #expect(throws: DomainError.lifecycleConflict("The job is stopped; only a running job restarts. POST .../start starts a stopped one.")) {
            try tenant.restart(.job, id: job.id.description, caller: alice, debugMode: false)
        }
        try tenant.deleteResource(.job, id: job.id.description, caller: alice, allowActive: false).commit.wait()
        try tenant.deleteImage(id: image.id.description, caller: alice).commit.wait()
        #expect(tenant.count == 0)
    }

    @Test("an apply that changes nothing leaves the lifecycle and updated_at alone, even after the job completed")
    func unchangedApply() throws {
        let tenant = try Self.tenant()
        let first = try Self.apply(Self.job(extra: #", "status": "running""#), to: tenant)
        try tenant.clock.advance(by: 100)
        let applied = try tenant.apply([Self.job(extra: #", "status": "running""#)], createOnly: false, caller: Fixtures.user("alice"))
        #expect(applied.value.recipes[0].action == .unchanged)
        #expect(applied.value.recipes[0].recipe == first)
    }
}
