import Foundation
import Testing
@testable import SaturnDomain

/// Object storage's rules, in the domain: who reads and writes whose files, paths, listings, uploads and their
/// parts, the storage limit, undone writes and the sweep of blobs nothing holds.
@Suite("Object storage")
struct ObjectStorageTests {
    static let MiB = 1024 * 1024

    /// Starts, fills and completes an upload of `bytes` to `path` of `owner` as `caller`.
    @discardableResult
    func upload(_ bytes: [UInt8], to path: String, owner: String? = nil, in tenant: Tenant, as caller: User, partSize: Int? = nil) throws -> ObjectFile {
        let started = try tenant.startUpload(
            ObjectUploadDraft(owner: owner.map(OwnerReference.path), path: path, size: bytes.count, partSize: partSize, copySource: nil), caller: caller
        )
        var parts: [(number: Int, etag: String)] = []
        var offset = 0
        for slot in started.value.slots {
            let part = try tenant.receivePart(uploadID: started.value.upload.id, number: slot.number, size: slot.size,
                                              bytes: Array(bytes[offset..<(offset + slot.size)]))
            parts.append((slot.number, part.value.etag))
            offset += slot.size
        }
        let completed = try tenant.completeUpload(id: started.value.upload.id, parts: parts, caller: caller)
        try completed.commit.wait()
        return completed.value
    }

    func bytes(of file: ObjectFile, in tenant: Tenant) -> [UInt8]? {
        guard case let .bytes(bytes)? = tenant.queue.store.blobs.content(of: file.blob.id, offset: 0, count: file.blob.size) else { return nil }
        return bytes
    }

    @Test("who reads and writes which storage: a user's is its own, the org's is read by its members and written by its admins", arguments: [
        ("alice", "acme/alice", false, nil), ("alice", "acme/alice", true, nil),
        ("bob", "acme/alice", false, DomainError.objectStorageForbidden(username: "bob", owner: "acme/alice", writing: false)),
        ("alice", "acme/bob", true, DomainError.objectStorageForbidden(username: "alice", owner: "acme/bob", writing: true)),
        ("bob", "acme/acme", false, nil), ("alice", "acme/acme", true, nil),
        ("bob", "acme/acme", true, DomainError.objectStorageForbidden(username: "bob", owner: "acme/acme", writing: true)),
        ("carol", "acme/acme", false, DomainError.notOrgMember(username: "carol", org: "acme")),
    ] as [(String, String, Bool, DomainError?)])
    func access(caller: String, owner: String, writing: Bool, refusal: DomainError?) throws {
        let tenant = try Fixtures.tenant()
        let user = try #require(tenant.directory.user(named: caller))
        let resolve = { try tenant.view().objectOwner(.path(owner), caller: user, at: "owner_name", writing: writing) }
        if let refusal {
            #expect(throws: refusal) { try resolve() }
        } else {
            #expect(try resolve().description == owner)
        }
    }

    @Test("a file path is an S3 key without empty segments, edges or control characters", arguments: [
        ("data/train.csv", true), ("a", true), ("", false), ("/a", false), ("a/", false), ("a//b", false), ("a\tb", false),
        (String(repeating: "x", count: 1_024), true), (String(repeating: "x", count: 1_025), false),
    ])
    func paths(path: String, valid: Bool) {
        var issues = ValidationIssues()
        ObjectPath.check(path, at: "file_path", issues: &issues)
        #expect(issues.isEmpty == valid)
    }

    @Test("a listing gives folders and files under a prefix in one key order, page by page; undelimited, every file under it")
    func listing() throws {
        let tenant = try Fixtures.tenant()
        let alice = try Fixtures.user("alice")
        for path in ["a.txt", "a/b.txt", "a/c/d.txt", "b.txt", "a0.txt"] { try upload([1], to: path, in: tenant, as: alice) }
        let owner = OwnerPath(org: "acme", identity: "alice")
        let view = tenant.view()
        let top = view.objectListing(owner: owner, prefix: "", lastKey: nil, maxKeys: 1_000, delimited: true)
        #expect(top.folders == ["a/"] && top.files.map(\.path) == ["a.txt", "a0.txt", "b.txt"] && top.nextLastKey == nil)
        let first = view.objectListing(owner: owner, prefix: "", lastKey: nil, maxKeys: 2, delimited: true)
        #expect(first.files.map(\.path) == ["a.txt"] && first.folders == ["a/"] && first.nextLastKey == "a/")
        let second = view.objectListing(owner: owner, prefix: "", lastKey: "a/", maxKeys: 2, delimited: true)
        #expect(second.files.map(\.path) == ["a0.txt", "b.txt"] && second.nextLastKey == nil)
        let inside = view.objectListing(owner: owner, prefix: "a/", lastKey: nil, maxKeys: 1_000, delimited: true)
        #expect(inside.folders == ["a/c/"] && inside.files.map(\.path) == ["a/b.txt"])
        let all = view.objectListing(owner: owner, prefix: "a/", lastKey: nil, maxKeys: 1_000, delimited: false)
        #expect(all.folders.isEmpty && all.files.map(\.path) == ["a/b.txt", "a/c/d.txt"])
    }

    @Test("a file in parts comes back whole; a second upload replaces it and keeps its creation time")
    func partsAndReplace() throws {
        let tenant = try Fixtures.tenant()
        let alice = try Fixtures.user("alice")
        let data = (0..<(11 * Self.MiB)).map { UInt8(truncatingIfNeeded: $0 * 31) }
        try tenant.clock.freeze(at: Date(timeIntervalSince1970: 1_800_000_000))
        let first = try upload(data, to: "big.bin", in: tenant, as: alice, partSize: 5 * Self.MiB)
        #expect(first.blob.size == data.count && bytes(of: first, in: tenant) == data)
        try tenant.clock.advance(by: 60)
        let second = try upload([7, 7], to: "big.bin", in: tenant, as: alice)
        #expect(second.createdAt == first.createdAt && second.updatedAt == first.updatedAt.addingTimeInterval(60))
        #expect(tenant.view().objectUsage == ObjectUsage(usedBytes: 2, reservedBytes: 0, fileCount: 1, activeUploads: 0, maxBytes: ObjectLimits.defaultMaxBytes))
    }

    @Test("completing names every part in order by the ETag its upload answered, each of the part size but the last")
    func completionChecks() throws {
        let tenant = try Fixtures.tenant()
        let alice = try Fixtures.user("alice")
        let size = 5 * Self.MiB + 10
        let started = try tenant.startUpload(ObjectUploadDraft(owner: nil, path: "f", size: size, partSize: nil, copySource: nil), caller: alice).value
        #expect(started.slots == [PartSlot(number: 1, size: 5 * Self.MiB), PartSlot(number: 2, size: 10)])
        let id = started.upload.id
        #expect(throws: DomainError.partSize(expected: 10, received: 3)) { try tenant.receivePart(uploadID: id, number: 2, size: 10, bytes: [1, 2, 3]) }
        let one = try tenant.receivePart(uploadID: id, number: 1, size: 5 * Self.MiB, bytes: [UInt8](repeating: 1, count: 5 * Self.MiB)).value
        func problems(_ parts: [(number: Int, etag: String)]) -> [String: [String]]? {
            do {
                _ = try tenant.completeUpload(id: id, parts: parts, caller: alice)
                return nil
            } catch {
                return error.problems
            }
        }
        #expect(problems([]) == ["parts": ["names no part; give each part's part_number and the etag its upload answered"]])
        #expect(problems([(2, one.etag)]) == ["parts[0].part_number": ["is 2, but parts must be 1, 2, 3, … in order, and this is number 1"]])
        #expect(problems([(1, one.etag), (2, "x")]) == ["parts[1]": ["part 2 was never uploaded"]])
        #expect(problems([(1, "\"other\"")]) == ["parts[0].etag": ["is not the ETag the upload of part 1 answered"]])
        #expect(problems([(1, one.etag)]) == ["parts": ["names 1 parts; the upload of 5242890 bytes has 2"]])
        #expect(throws: DomainError.uploadNotFound(id: "nope")) { try tenant.completeUpload(id: "nope", parts: [(1, one.etag)], caller: alice) }
        let bob = try Fixtures.user("bob")
        #expect(throws: DomainError.objectStorageForbidden(username: "bob", owner: "acme/alice", writing: true)) {
            try tenant.completeUpload(id: id, parts: [(1, one.etag)], caller: bob)
        }
    }

    @Test("the storage limit counts files and uploads in progress, and refuses what would pass it")
    func limit() throws {
        let tenant = try Fixtures.registry { $0.maxObjectBytes = 100 }.defaultTenant
        let alice = try Fixtures.user("alice")
        try upload([UInt8](repeating: 0, count: 60), to: "a", in: tenant, as: alice)
        _ = try tenant.startUpload(ObjectUploadDraft(owner: nil, path: "b", size: 30, partSize: nil, copySource: nil), caller: alice)
        #expect(throws: DomainError.objectStorageFull(wanted: 11, held: 90, limit: 100)) {
            try tenant.startUpload(ObjectUploadDraft(owner: nil, path: "c", size: 11, partSize: nil, copySource: nil), caller: alice)
        }
        let stream = try tenant.startUpload(ObjectUploadDraft(owner: nil, path: "s", size: nil, partSize: nil, copySource: nil), caller: alice).value
        #expect(throws: DomainError.objectStorageFull(wanted: 11, held: 90, limit: 100)) {
            try tenant.receivePart(uploadID: stream.upload.id, number: 1, size: 11, bytes: [UInt8](repeating: 0, count: 11))
        }
    }

    @Test("a write the store fails is undone: the upload is still in progress and no file appears")
    func failedWriteUndone() throws {
        let store = ControlledStore()
        let tenant = try Fixtures.registry(store: store).defaultTenant
        let alice = try Fixtures.user("alice")
        let started = try tenant.startUpload(ObjectUploadDraft(owner: nil, path: "f", size: 2, partSize: nil, copySource: nil), caller: alice).value
        let part = try tenant.receivePart(uploadID: started.upload.id, number: 1, size: 2, bytes: [1, 2]).value
        store.failNext = true
        let completed = try tenant.completeUpload(id: started.upload.id, parts: [(1, part.etag)], caller: alice)
        #expect(throws: DomainError.storeUnavailable(reason: "cannot write journal: No space left on device")) { try completed.commit.wait() }
        let view = tenant.view()
        #expect(view.objectListing(owner: OwnerPath(org: "acme", identity: "alice"), prefix: "", lastKey: nil, maxKeys: 10, delimited: true).files.isEmpty)
        #expect(try view.objectUpload(id: started.upload.id, caller: alice).parts[1] == part)
    }

    @Test("a deleted file's bytes are swept, unless a named snapshot holds them; a restore brings the file back whole")
    func sweep() throws {
        let store = InMemoryRecipeStore()
        let registry = try Fixtures.registry(store: store)
        let tenant = registry.defaultTenant
        let alice = try Fixtures.user("alice")
        let held = try upload([1, 2, 3], to: "held", in: tenant, as: alice)
        _ = try tenant.saveSnapshot(named: "golden")
        let loose = try upload([4, 5], to: "loose", in: tenant, as: alice)
        try tenant.deleteObjects(nil, paths: ["held", "loose"], caller: alice, missingIsError: true).commit.wait()
        try waitUntil { store.blobs.size(of: loose.blob.id) == nil }
        #expect(store.blobs.size(of: held.blob.id) == 3, "the snapshot holds it")
        try tenant.restore(snapshot: "golden").commit.wait()
        let restored = try tenant.view().objectFiles(nil, paths: ["held"], caller: alice)
        #expect(restored.map { bytes(of: $0, in: tenant) } == [[1, 2, 3]])
        try tenant.deleteSnapshot(named: "golden")
        try tenant.reset().commit.wait()
        try waitUntil { store.blobs.size(of: held.blob.id) == nil }
        withExtendedLifetime(registry) {}
    }

    /// Polls `condition` for up to five seconds: the sweep runs off the request path.
    func waitUntil(_ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(5)
        while !condition() {
            guard Date() < deadline else { throw FixtureError.missing("the sweep") }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }
}
