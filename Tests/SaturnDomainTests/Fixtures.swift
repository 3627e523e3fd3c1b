import Foundation
import SaturnJSON
import Synchronization
@testable import SaturnDomain

/// The identities most domain tests use: acme (primary) with admin alice and member bob, globex with admin carol.
enum Fixtures {
    static let seedJSON = """
        {"orgs": [{"name": "acme", "is_primary": true}, {"name": "globex"}],
         "users": [
           {"username": "alice", "memberships": {"acme": "admin", "globex": "member"}, "default_org": "acme",
            "tokens": [{"token": "alice-token"}, {"token": "alice-old", "expires_at": "2020-01-01T00:00:00Z"}]},
           {"username": "bob", "memberships": {"acme": "member"}, "tokens": [{"token": "bob-token"}]},
           {"username": "carol", "memberships": {"globex": "admin"}, "default_org": "globex",
            "tokens": [{"token": "carol-token"}]}
         ]}
        """

    /// What `Permission` says a refused write of a recipe tried.
    static let writeAction = "Writing images, or another identity's workspaces, jobs and deployments,"

    static func directory() throws -> IdentityDirectory {
        try Seed.parse(Array(seedJSON.utf8), file: "test-seed.json")
    }

    static func user(_ name: String) throws -> User {
        guard let user = try directory().user(named: name) else { throw FixtureError.missing(name) }
        return user
    }

    static func tenant(strict: Bool = false) throws -> Tenant {
        try registry(strict: strict).defaultTenant
    }

    static func registry(
        strict: Bool = false, store: any RecipeStore = InMemoryRecipeStore(), deterministic: Bool = false,
        configure: (inout TenantSettings) -> Void = { _ in }
    ) throws -> TenantRegistry {
        var settings = TenantSettings()
        settings.strictImageURIs = strict
        settings.deterministicIDs = deterministic
        configure(&settings)
        return TenantRegistry(seed: try directory(), queue: CommitQueue(store: store), settings: settings)
    }

    static func json(_ text: String) throws -> JSONValue {
        try JSONValue.parse(Array(text.utf8))
    }

    /// A legacy set with one image; `extra` adds fields to the image.
    static func legacyImage(name: String = "saturn", versions: String = #"[{"name": "v1", "image_uri": "repo/saturn:1"}]"#, extra: String = "") -> String {
        #"{"images": [{"name": "\#(name)", "hardware_type": "cpu", "versions": \#(versions), "schema_version": "2022.04.01"\#(extra)}]}"#
    }

    static func draft(name: String = "saturn", owner: OwnerReference? = nil, access: RecipeAccess? = nil, versions: [(String, String)] = [("v1", "repo/saturn:1")]) -> ImageDraft {
        ImageDraft(
            path: "spec", name: name, owner: owner, description: nil, hardwareType: nil, supports: nil, access: access,
            versions: versions.enumerated().map { index, version in
                VersionDraft(path: "spec.versions[\(index)]", name: version.0, imageURI: version.1, description: nil, archived: nil, buildData: nil)
            }
        )
    }
}

enum FixtureError: Error {
    case missing(String)
}

extension Tenant {
    /// Applies and waits until the store says the commit is durable (or undid it), as the API does before answering.
    func applyDurably(_ drafts: [ImageDraft], createOnly: Bool = false, caller: User) throws -> ApplyOutcome {
        let applied = try apply(drafts.map(RecipeDraft.image), createOnly: createOnly, caller: caller)
        try applied.commit.wait()
        return applied.value
    }
}

extension Commit {
    /// Waits until the write is durable, or throws what undid it.
    func wait() throws {
        let done = DispatchSemaphore(value: 0)
        let failure = Mutex<DomainError?>(nil)
        whenDurable { error in
            failure.withLock { $0 = error }
            done.signal()
        }
        done.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }
}

extension DomainError {
    /// The validation problems, or nil for any other error.
    var problems: [String: [String]]? {
        if case let .invalid(issues) = self { return issues.byPath }
        return nil
    }
}

extension TenantClock {
    /// Freezes the clock at `instant`, as `POST /_mock/clock {"set": ...}` does.
    func freeze(at instant: Date) throws {
        var change = ClockChange()
        change.freezeAt = instant
        try apply(change)
    }

    /// Moves the clock, as `POST /_mock/clock {"advance_seconds": ...}` does.
    func advance(by seconds: TimeInterval) throws {
        var change = ClockChange()
        change.advance = seconds
        try apply(change)
    }
}
