import Foundation
import SaturnDomain
import Testing
@testable import SaturnStore

/// Object storage in a data folder: blobs as files named by their SHA-256, written whole, swept when nothing holds
/// them; files and uploads as entities of the journal that outlive a restart.
@Suite("Object storage in the data folder")
struct BlobFolderTests {
    static let owner = OwnerPath(org: "acme", identity: "alice")
    static let created = Date(timeIntervalSince1970: 1_800_000_000)

    func objects(_ folder: TemporaryFolder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.layout.objectsFolder)) ?? []).sorted()
    }

    @Test("a blob is a file named by its SHA-256, written whole through a temporary file; the same bytes share one")
    func put() throws {
        let folder = TemporaryFolder()
        let blobs = BlobFolder(folder: folder.layout.objectsFolder)
        let blob = try blobs.put(Array("hello".utf8))
        #expect(blob == Blob(id: "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", size: 5))
        #expect(try folder.bytes(folder.layout.objectsFolder + "/" + blob.id) == Array("hello".utf8))
        #expect(try blobs.put(Array("hello".utf8)) == blob)
        #expect(objects(folder) == [blob.id, "tmp"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.layout.objectsFolder + "/tmp").isEmpty, "no temporary file is left")
        #expect(blobs.content(of: blob.id, offset: 1, count: 3) == .file(path: folder.layout.objectsFolder + "/" + blob.id, offset: 1, count: 3))
        #expect(blobs.content(of: blob.id, offset: 3, count: 3) == nil)
    }

    @Test("parts are joined into one blob of their bytes in order")
    func concatenate() throws {
        let folder = TemporaryFolder()
        let blobs = BlobFolder(folder: folder.layout.objectsFolder)
        let parts = try [[UInt8](repeating: 1, count: 3 << 20), [2, 3]].map { try blobs.put($0) }
        let joined = try blobs.concatenate(parts)
        #expect(joined.size == (3 << 20) + 2)
        #expect(try folder.bytes(folder.layout.objectsFolder + "/" + joined.id) == [UInt8](repeating: 1, count: 3 << 20) + [2, 3])
    }

    @Test("a sweep removes the blobs nothing holds, never a pinned one, and nothing when what is held cannot be told")
    func sweep() throws {
        let folder = TemporaryFolder()
        let blobs = BlobFolder(folder: folder.layout.objectsFolder)
        let held = try blobs.put([1])
        let pinned = try blobs.put([2])
        let loose = try blobs.put([3])
        blobs.unpin(held)
        blobs.unpin(loose)
        blobs.sweep { nil }
        #expect(objects(folder).count == 4)
        blobs.sweep { [held.id] }
        #expect(objects(folder) == [held.id, pinned.id, "tmp"].sorted())
        blobs.unpin(pinned)
        blobs.sweep { [] }
        #expect(objects(folder) == ["tmp"])
    }

    @Test("a blob the disk refuses is an error naming the file, and no blob is left")
    func refusedWrite() throws {
        let folder = TemporaryFolder()
        let blobs = BlobFolder(folder: folder.layout.objectsFolder)
        _ = try blobs.put([0])
        // Where the temporary files go is a file now: nothing can be written there, not even by root.
        try FileManager.default.removeItem(atPath: folder.layout.objectsFolder + "/tmp")
        try folder.write([], to: folder.layout.objectsFolder + "/tmp")
        #expect {
            try blobs.put([9])
        } throws: { error in
            guard case let .writeFailed(file, _) = error as? StoreError else { return false }
            return file.hasPrefix(folder.layout.objectsFolder + "/tmp")
        }
        #expect(objects(folder).count == 2)
    }

    @Test("temporary files a crash left are removed when the folder is opened")
    func leftovers() throws {
        let folder = TemporaryFolder()
        _ = try BlobFolder(folder: folder.layout.objectsFolder).put([1])
        try folder.write([1, 2], to: folder.layout.objectsFolder + "/tmp/join-abc")
        _ = BlobFolder(folder: folder.layout.objectsFolder)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.layout.objectsFolder + "/tmp").isEmpty)
    }

    @Test("files and uploads in progress come back whole from the journal, after compaction and from a named snapshot")
    func entitiesRoundTrip() throws {
        let folder = TemporaryFolder()
        let source = ObjectCopySource(owner: Self.owner, path: "a.bin", blob: Blob(id: "b1", size: 9))
        let entities: [Entity] = [
            .objectFile(ObjectFile(owner: Self.owner, path: "dir/a.bin", blob: Blob(id: "b1", size: 9), createdAt: Self.created, updatedAt: Self.created)),
            .objectUpload(ObjectUpload(id: "u1", owner: Self.owner, path: "s", size: nil, partSize: 5 << 20, createdAt: Self.created,
                                       expiresAt: Self.created.addingTimeInterval(60), copySource: nil, parts: [2: Blob(id: "p2", size: 4), 1: Blob(id: "p1", size: 5 << 20)])),
            .objectUpload(ObjectUpload(id: "u2", owner: Self.owner, path: "copy", size: 9, partSize: 5 << 20, createdAt: Self.created,
                                       expiresAt: Self.created.addingTimeInterval(60), copySource: source)),
        ]
        let store = try JournalRecipeStore(folder: folder.path, compactionBytes: 1)
        try store.appendDurably(StoreTransaction(tenant: TenantRegistry.defaultTenant, change: .entities(put: entities, removing: [])))
        try store.appendDurably(StoreTransaction(tenant: TenantRegistry.defaultTenant, change: .entities(put: [], removing: [EntityKey(.objectUpload, "u2")])))
        try store.saveSnapshot(TenantContent(entities: entities), tenant: TenantRegistry.defaultTenant, name: "golden")
        store.close()
        let reopened = try JournalRecipeStore(folder: folder.path)
        defer { reopened.close() }
        #expect(reopened.takeLoaded().tenants[TenantRegistry.defaultTenant]?.entities.sorted == Array(entities.prefix(2)))
        #expect(try reopened.snapshot(tenant: TenantRegistry.defaultTenant, name: "golden")?.entities == entities)
    }

    @Test("a file uploaded through a tenant outlives a restart, its bytes read from the data folder")
    func restart() throws {
        let folder = TemporaryFolder()
        let data = (0..<(6 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        do {
            let store = try JournalRecipeStore(folder: folder.path)
            defer { store.close() }
            let registry = TenantRegistry(seed: try StoreFixtures.directory(), queue: CommitQueue(store: store), settings: TenantSettings())
            let tenant = registry.defaultTenant
            let alice = try #require(tenant.directory.user(named: "alice"))
            let started = try tenant.startUpload(ObjectUploadDraft(owner: nil, path: "kept.bin", size: data.count, partSize: nil, copySource: nil), caller: alice).value
            var parts: [(number: Int, etag: String)] = []
            for slot in started.slots {
                let start = (slot.number - 1) * started.upload.partSize
                let part = try tenant.receivePart(uploadID: started.upload.id, number: slot.number, size: slot.size, bytes: Array(data[start..<(start + slot.size)]))
                parts.append((slot.number, part.value.etag))
            }
            try StoreFixtures.wait(try tenant.completeUpload(id: started.upload.id, parts: parts, caller: alice).commit)
        }
        let store = try JournalRecipeStore(folder: folder.path)
        defer { store.close() }
        let registry = TenantRegistry(seed: try StoreFixtures.directory(), queue: CommitQueue(store: store), settings: TenantSettings())
        let alice = try #require(registry.defaultTenant.directory.user(named: "alice"))
        let file = try #require(try registry.defaultTenant.view().objectFiles(nil, paths: ["kept.bin"], caller: alice).first)
        guard case let .file(path, offset, count)? = store.blobs.content(of: file.blob.id, offset: 0, count: file.blob.size) else {
            Issue.record("the file's bytes are not in the data folder")
            return
        }
        #expect(offset == 0 && count == data.count)
        #expect(try folder.bytes(path) == data)
    }
}
