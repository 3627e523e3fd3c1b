import Foundation
import Testing
@testable import SaturnDomain

/// Orgs, users and what they hold, where the API cannot reach: usage of sizes a seed without sizes lets through, and
/// deterministic ids after renames.
@Suite("Administration: usage and entity ids")
struct AdministrationTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("usage keeps instance types apart whatever they hold, an empty one and one with a separator among them")
    func usageOfAnySize() throws {
        // No sizes in the seed: any instance type is accepted.
        let tenant = try Fixtures.registry().defaultTenant
        try tenant.clock.freeze(at: Self.start)
        let alice = try Fixtures.user("alice")
        _ = try tenant.applyDurably([Fixtures.draft()], caller: alice)
        for (name, size) in [("empty", ""), ("piped", "a|b")] {
            let draft = try ModernRecipeReader.read(Fixtures.json(
                #"{"type": "deployment", "spec": {"name": "\#(name)", "image": "saturn:v1", "instance_type": "\#(size)", "command": "serve"}}"#
            ), rejectUnknownFields: true)
            let applied = try tenant.apply([draft], createOnly: false, caller: alice)
            try applied.commit.wait()
            try tenant.start(.deployment, id: applied.value.recipes[0].recipe.id.description, caller: alice, debugMode: false).commit.wait()
        }
        try tenant.clock.advance(by: 3_600)
        let view = tenant.view()
        let usage = try view.usage(org: "acme", caller: alice, from: Self.start, to: view.now)
        #expect(usage.map(\.instanceType) == ["", "a|b"])
        #expect(usage.map(\.resourceType) == ["deployment", "deployment"])
    }

    @Test("with deterministic ids, a new folder of a renamed one's first name gets an id of its own")
    func deterministicIDsAfterRename() throws {
        let tenant = try Fixtures.registry(deterministic: true).defaultTenant
        let bob = try Fixtures.user("bob")
        let first = try tenant.createSharedFolder(SharedFolderDraft(name: "data"), caller: bob)
        try first.commit.wait()
        try tenant.editSharedFolder(first.value.id, name: "renamed", access: nil, caller: bob).commit.wait()
        let second = try tenant.createSharedFolder(SharedFolderDraft(name: "data"), caller: bob)
        try second.commit.wait()
        #expect(second.value.id != first.value.id)
        #expect(try tenant.view().sharedFolders(caller: bob).map(\.name) == ["data", "renamed"])
    }
}
