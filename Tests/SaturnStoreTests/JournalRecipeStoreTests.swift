import Foundation
import SaturnDomain
import Synchronization
import Testing
@testable import SaturnStore

@Suite("Journal store: durability, recovery, compaction, one owner")
struct JournalRecipeStoreTests {
    /// Writes images named `names`, one durable transaction each, to a store of `folder`; returns what a fresh
    /// open then loads.
    func apply(_ names: [String], in folder: TemporaryFolder, compactionBytes: Int = 1 << 20) throws -> [String: Recipe] {
        let store = try JournalRecipeStore(folder: folder.path, compactionBytes: compactionBytes)
        do {
            for name in names { try store.appendDurably([StoreFixtures.image(name: name)]) }
        } catch {
            store.close()
            throw error
        }
        store.close()
        return try contents(of: folder, compactionBytes: compactionBytes)
    }

    /// What a fresh open of the folder loads, by name.
    func contents(of folder: TemporaryFolder, recover: Bool = false, compactionBytes: Int = 1 << 20, warnings: Warnings = Warnings()) throws -> [String: Recipe] {
        let store = try JournalRecipeStore(folder: folder.path, recover: recover, compactionBytes: compactionBytes, warn: warnings.sink)
        defer { store.close() }
        return Dictionary(uniqueKeysWithValues: store.takeLoaded().defaultRecipes.map { ($0.name, $0) })
    }

    func openError(_ folder: TemporaryFolder) -> StoreError? {
        #expect(throws: StoreError.self) { try JournalRecipeStore(folder: folder.path).close() }
    }

    @Test("what was committed is loaded again, ids and all")
    func reopen() throws {
        let folder = TemporaryFolder()
        let stored = try apply(["a", "b"], in: folder)
        #expect(stored.keys.sorted() == ["a", "b"])
        #expect(try contents(of: folder) == stored)
        #expect(folder.files() == ["journal-00000001.log", "saturn-mock.lock"])
    }

    @Test("a torn last record is dropped with a warning naming its offset, kept aside, and appends continue")
    func tornTail() throws {
        let folder = TemporaryFolder()
        _ = try apply(["a", "b"], in: folder)
        let journal = folder.layout.journal(1)
        let bytes = try folder.bytes(journal)
        let secondRecord = try #require(JournalFormat.scan(bytes).records.last?.offset)
        try folder.write(Array(bytes[..<(secondRecord + 20)]), to: journal)

        let warnings = Warnings()
        #expect(try contents(of: folder, warnings: warnings).keys.sorted() == ["a"])
        #expect(warnings.all == ["\(journal): dropped a torn record at byte \(secondRecord) (the record is cut short): a write cut short by a crash, never acknowledged; its bytes are kept in \(journal).torn-\(secondRecord)"])
        #expect(try folder.bytes("\(journal).torn-\(secondRecord)") == Array(bytes[secondRecord..<(secondRecord + 20)]))
        #expect(try apply(["c"], in: folder).keys.sorted() == ["a", "c"])
    }

    @Test("a damaged record before the tail stops the start with the file and offset, and changes nothing")
    func corruptMiddle() throws {
        let folder = TemporaryFolder()
        _ = try apply(["a", "b"], in: folder)
        let journal = folder.layout.journal(1)
        var bytes = try folder.bytes(journal)
        let records = try JournalFormat.scan(bytes).records
        let first = try #require(records.first)
        let next = try #require(records.dropFirst().first)
        bytes[first.json.startIndex + 5] ^= 0x20
        try folder.write(bytes, to: journal)

        #expect(openError(folder) == .unreadable(
            file: journal,
            reason: "damaged: bytes \(first.offset) to \(next.offset): the record's checksum does not match. Nothing was changed; start with --recover to move bad files aside and keep what is good"
        ))
        #expect(try folder.bytes(journal) == bytes)
    }

    @Test("a write to a tenant that does not exist is skipped at load, named in a warning: no tenant comes back from a write")
    func writeWithoutTenant() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let record = TenantRecord(name: "gone", tokens: [UserTokens(username: "alice", token: "gone-token", refreshToken: "gone-refresh")])
        let transactions = [
            StoreTransaction(tenant: "gone", change: .create(record, content: TenantContent())),
            StoreTransaction(tenant: "gone", change: .delete),
            StoreTransaction(tenant: "gone", change: .put([StoreFixtures.image(name: "late")])),
            StoreTransaction(tenant: "never", change: .mint(MintedToken(username: "dave", org: "acme", role: .admin, token: "t", refreshToken: "r", expiresAt: nil))),
        ]
        let journal = folder.layout.journal(1)
        try folder.write(JournalFormat.header + transactions.flatMap { JournalFormat.frame(JournalRecord($0).encoded()) }, to: journal)
        let warnings = Warnings()
        let store = try JournalRecipeStore(folder: folder.path, warn: warnings.sink)
        defer { store.close() }
        #expect(store.takeLoaded().tenants.keys.sorted() == [TenantRegistry.defaultTenant])
        #expect(warnings.all.count == 2)
        #expect(warnings.all.first?.contains("it writes to tenant 'gone', which was deleted before it") == true)
    }

    @Test("a last journal holding part of its header, as a crash during a rotation leaves it, is begun again")
    func tornJournalHeader() throws {
        let folder = TemporaryFolder()
        _ = try apply(["a"], in: folder)
        for partial in [[UInt8](), Array(JournalFormat.header.prefix(9))] {
            try folder.write(partial, to: folder.layout.journal(2))
            let warnings = Warnings()
            #expect(try contents(of: folder, warnings: warnings).keys.sorted() == ["a"])
            #expect(warnings.all == ["\(folder.layout.journal(2)) holds only \(partial.count) bytes of its header, a journal begun when the server stopped; it is begun again"])
        }
        #expect(try apply(["b"], in: folder).keys.sorted() == ["a", "b"])
        #expect(try folder.bytes(folder.layout.journal(2)).starts(with: JournalFormat.header))
    }

    @Test("--recover moves a damaged journal aside, keeps every intact record before and after the damage, and starts clean")
    func recoverMiddle() throws {
        let folder = TemporaryFolder()
        _ = try apply(["a", "b", "c"], in: folder)
        let journal = folder.layout.journal(1)
        var bytes = try folder.bytes(journal)
        let second = try #require(JournalFormat.scan(bytes).records.dropFirst().first)
        bytes[second.json.startIndex + 5] ^= 0x20
        try folder.write(bytes, to: journal)

        let warnings = Warnings()
        #expect(try contents(of: folder, recover: true, warnings: warnings).keys.sorted() == ["a", "c"])
        let recovered = try #require(folder.files().first { $0.hasPrefix("recovered-") })
        #expect(try folder.bytes("\(folder.path)/\(recovered)/journal-00000001.log") == bytes)
        let third = try #require(JournalFormat.scan(bytes).records.last)
        #expect(warnings.all.contains("--recover: \(journal): dropped bytes \(second.offset) to \(third.offset): the record's checksum does not match"))
        #expect(warnings.all.contains("--recover: \(journal): kept its 2 intact transactions, before and after what was dropped; moving the file aside"))
        #expect(try contents(of: folder).keys.sorted() == ["a", "c"], "the recovered state is the new starting point")
        #expect(try apply(["d"], in: folder).keys.sorted() == ["a", "c", "d"])
    }

    @Test("an unreadable snapshot stops the start, naming the file", arguments: [
        (#"{"images": []}"#, "it is not a saturn-mock snapshot (no format version)"),
        (#"{"format": 9, "next_journal": 1, "recipes": []}"#, "unknown format version 9 (this build reads 1 to 3)"),
        (#"{"format": 1, "next_journal": 1, "images": [{"name": 3}]}"#, "it is damaged: expected a string at byte 53"),
        ("{", "it is not a saturn-mock snapshot (expected a string key at byte 1)"),
    ])
    func badSnapshot(text: String, reason: String) throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        try folder.write(Array(text.utf8), to: folder.layout.snapshot)
        let error = openError(folder)
        guard case let .unreadable(file, message)? = error else {
            Issue.record("expected unreadable, got \(String(describing: error))")
            return
        }
        #expect(file == folder.layout.snapshot)
        #expect(message.hasPrefix(reason), "\(message)")
        #expect(!message.contains(".."))
        #expect(message.hasSuffix("Nothing was changed; start with --recover to move bad files aside and keep what is good"))
        #expect(try folder.bytes(folder.layout.snapshot) == Array(text.utf8))
    }

    @Test("a journal of an unknown format version stops the start")
    func unknownJournalVersion() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        try folder.write(Array("saturn-mock journal 9\n".utf8), to: folder.layout.journal(1))
        #expect(openError(folder) == .unreadable(
            file: folder.layout.journal(1),
            reason: "unknown format version ('saturn-mock journal 9'; this build reads 1 to 3). Nothing was changed; start with --recover to move bad files aside and keep what is good"
        ))
    }

    @Test("a missing journal between others stops the start")
    func missingJournal() throws {
        let folder = TemporaryFolder()
        _ = try apply(["a"], in: folder)
        try FileManager.default.copyItem(atPath: folder.layout.journal(1), toPath: folder.layout.journal(3))
        let error = openError(folder)
        guard case let .unreadable(file, reason)? = error else {
            Issue.record("expected unreadable, got \(String(describing: error))")
            return
        }
        #expect(file == folder.layout.journal(2))
        #expect(reason.hasPrefix("the file is missing, but later journals exist"))
    }

    @Test("a second store on the same folder is refused, naming the owner's pid")
    func oneOwner() throws {
        let folder = TemporaryFolder()
        let first = try JournalRecipeStore(folder: folder.path)
        defer { first.close() }
        #expect(throws: StoreError.locked(folder: folder.path, pid: "\(getpid())")) { try JournalRecipeStore(folder: folder.path) }
    }

    @Test("a job with its settings and runs comes back whole, from the journal and from a snapshot")
    func resourceRoundTrip() throws {
        let started = Date(timeIntervalSince1970: 1_800_000_000)
        let runs = [
            ResourceRun(number: 2, requestedAt: started.addingTimeInterval(60), stopRequestedAt: nil, imageURI: "repo/Bad:1",
                        command: "python run.py", debugMode: true, failure: "'repo/Bad:1' breaks the registry reference grammar"),
            ResourceRun(number: 1, requestedAt: started, stopRequestedAt: started.addingTimeInterval(9), imageURI: "repo/a:1",
                        command: nil, debugMode: false, failure: nil),
        ]
        let job = Recipe(
            id: RecordID("job-1"), owner: OwnerPath(org: "acme", identity: "bob"), name: "nightly",
            spec: .resource(ResourceSpec(
                kind: .job, image: ImageBinding(imageID: RecordID("id-a"), versionID: RecordID("v-a")), instanceType: "large", command: "python run.py",
                schedule: "0 3 * * *",
                settings: ["environment_variables": .object(["A": .string("1")]), "scale": .number(2), "start_script": .null,
                           "git_repositories": .array([.object(["url": .string("u"), "on_restart": .bool(true)])])],
                updatedAt: started, lifecycle: Lifecycle(current: runs[0], history: [runs[1]], scheduled: true)
            )),
            createdAt: started
        )
        let folder = TemporaryFolder()
        let store = try JournalRecipeStore(folder: folder.path)
        try store.appendDurably([StoreFixtures.image(name: "a"), job])
        store.close()
        #expect(try contents(of: folder)["nightly"] == job)
        let compacted = try JournalRecipeStore(folder: folder.path, compactionBytes: 1)
        try compacted.appendDurably([StoreFixtures.image(name: "b")])
        compacted.close()
        #expect(folder.files().contains("snapshot.json"))
        #expect(try contents(of: folder)["nightly"] == job)
    }

    @Test("after compaction a restart gives the same state, from snapshot.json and the newest journal")
    func compaction() throws {
        let folder = TemporaryFolder()
        let names = (0..<40).map { "image-\($0)" }
        let before = try apply(names, in: folder, compactionBytes: 2_000)
        #expect(before.count == 40)
        let files = folder.files()
        #expect(files.contains("snapshot.json"))
        #expect(files.filter { $0.hasPrefix("journal-") }.count == 1, "\(files)")
        #expect(try contents(of: folder) == before)
        let snapshot = try #require(try SnapshotFile.read(folder.layout.snapshot))
        #expect(try folder.bytes(folder.layout.snapshot).starts(with: Array(#"{"format": 3, "next_journal": "#.utf8)))
        #expect(snapshot.state.defaultRecipes.count < 40 && snapshot.state.defaultRecipes.count > 0)
    }

    @Test("journals older than the snapshot are covered by it and removed at start")
    func staleJournals() throws {
        let folder = TemporaryFolder()
        let before = try apply(["a", "b"], in: folder)
        try SnapshotFile(nextJournal: 2, state: StoreFixtures.state(Array(before.values))).write(to: folder.layout.snapshot)
        #expect(try contents(of: folder) == before)
        #expect(!folder.files().contains("journal-00000001.log"))
    }

    @Test("a data folder of format 1 loads whole; new writes go to a new journal, and the old one is left as it was")
    func formatOne() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let image = #"{"id":"id-a","owner":"acme/alice","name":"a","description":"","hardware_type":"CPU","access":"org","#
            + #""versions":[{"id":"v-a","name":"v1","image_uri":"repo/a:1","archived":false}]}"#
        try folder.write(Array(#"{"format": 1, "next_journal": 1, "images": [\#n\#(image)\#n]}"#.utf8), to: folder.layout.snapshot)
        let oldJournal = Array("saturn-mock journal 1\n".utf8)
            + JournalFormat.frame(Array(#"{"images":[\#(image.replacingOccurrences(of: "\"a\"", with: "\"b\""))]}"#.utf8))
        try folder.write(oldJournal, to: folder.layout.journal(1))

        let loaded = try contents(of: folder)
        #expect(loaded.keys.sorted() == ["a", "b"])
        #expect(loaded["a"] == StoreFixtures.image(name: "a"))
        let after = try apply(["c"], in: folder)
        #expect(after.keys.sorted() == ["a", "b", "c"])
        #expect(try folder.bytes(folder.layout.journal(1)) == oldJournal)
        #expect(try folder.bytes(folder.layout.journal(2)).starts(with: Array("saturn-mock journal 3\n".utf8)))
    }

    @Test("journal frames: a record round-trips; a torn tail and damage in the middle are found, and what follows damage is read")
    func frames() throws {
        let record = JournalFormat.frame(Array(#"{"images":[]}"#.utf8))
        let file = JournalFormat.header + record + record + record
        let scan = try JournalFormat.scan(file)
        #expect(scan.records.count == 3)
        #expect(scan.validLength == file.count)
        #expect(scan.damaged.isEmpty && scan.tornTail == nil)
        let cut = try JournalFormat.scan(Array(file.dropLast(3)))
        #expect(cut.tornTail?.offset == JournalFormat.header.count + 2 * record.count && cut.damaged.isEmpty)
        var flipped = file
        flipped[JournalFormat.header.count + 20] ^= 1
        let damaged = try JournalFormat.scan(flipped)
        #expect(damaged.tornTail == nil)
        #expect(damaged.damaged.map(\.offset) == [JournalFormat.header.count])
        #expect(damaged.damaged.map(\.end) == [JournalFormat.header.count + record.count])
        #expect(damaged.records.map(\.offset) == [JournalFormat.header.count + record.count, JournalFormat.header.count + 2 * record.count])
    }

    @Test("CRC-32 matches zlib's")
    func crc() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }
}

@Suite("Group commit")
struct GroupCommitTests {
    @Test("transactions queued while a sync runs share the next one, and each is called back once it is durable")
    func sharedSyncs() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let writer = try JournalWriter(layout: folder.layout, generation: 1, length: nil, rotateAfterBytes: 1 << 30, onRotate: { _ in }, warn: { _ in })
        let record = JournalFormat.frame(JournalRecord(StoreFixtures.put([])).encoded())
        // Every callback runs on the flusher thread right after the sync that made it durable, when `durableThrough`
        // is that sync's last ticket: the distinct values the callbacks see are the syncs that ran.
        let done = DispatchSemaphore(value: 0)
        let seenDurable = Mutex<[UInt64: UInt64]>([:])
        for ticket in UInt64(1)...100 {
            writer.whenDurable(ticket) { error in
                #expect(error == nil)
                seenDurable.withLock { $0[ticket] = writer.durableThrough }
                done.signal()
            }
        }
        let tickets = try (0..<100).map { _ in try writer.append(record) }
        #expect(tickets == Array(1...100))
        for _ in tickets { done.wait() }
        let seen = seenDurable.withLock { $0 }
        #expect(seen.count == 100)
        #expect(seen.allSatisfy { ticket, durable in durable >= ticket }, "a callback came before its write was durable")
        #expect(Set(seen.values).count < 100, "100 transactions queued at once must not cost 100 syncs")
        #expect(writer.durableThrough == 100)
        writer.close()
        let scan = try JournalFormat.scan(folder.bytes(folder.layout.journal(1)))
        #expect(scan.records.count == 100)
    }
}

@Suite("Snapshot file")
struct SnapshotFileTests {
    func images(_ count: Int) -> [Recipe] {
        (0..<count).map { index in
            let version = ImageVersion(
                id: RecordID("v-\(index)"), name: "v1", imageURI: "registry.example/saturn:\(index)", description: nil,
                archived: index % 5 == 0, buildData: index % 7 == 0 ? ["k": "v"] : nil,
                createdAt: Date(timeIntervalSince1970: TimeInterval(1_700_000_000 + index))
            )
            let spec = ImageSpec(
                description: index % 3 == 0 ? "with \"quotes\" and \\ and\nlines" : "", hardwareType: .nvidia,
                supports: index % 2 == 0 ? ["dask"] : nil, access: .org, versions: [version]
            )
            return Recipe(
                id: RecordID("id-\(index)"), owner: OwnerPath(org: "acme", identity: "alice"), name: "image-\(index)", spec: .image(spec),
                createdAt: Date(timeIntervalSince1970: TimeInterval(1_600_000_000 + index))
            )
        }
    }

    @Test("a large snapshot, read on two threads, comes back whole and in order")
    func largeRoundTrip() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        let written = images(2_501)
        try SnapshotFile(nextJournal: 7, state: StoreFixtures.state(written)).write(to: folder.layout.snapshot)
        let read = try #require(try SnapshotFile.read(folder.layout.snapshot))
        #expect(read.nextJournal == 7)
        #expect(read.state.defaultRecipes == written.sorted { $0.key < $1.key })
    }

    @Test("damage in the second half is found and named")
    func damageInSecondHalf() throws {
        let folder = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: folder.path, withIntermediateDirectories: true)
        try SnapshotFile(nextJournal: 1, state: StoreFixtures.state(images(2_000))).write(to: folder.layout.snapshot)
        var text = String(decoding: try folder.bytes(folder.layout.snapshot), as: UTF8.self)
        text = text.replacingOccurrences(of: #""image_uri":"registry.example/saturn:1999""#, with: #""image_uri":1999"#)
        try folder.write(Array(text.utf8), to: folder.layout.snapshot)
        #expect {
            try SnapshotFile.read(folder.layout.snapshot)
        } throws: { error in
            guard case let .unreadable(_, reason) = error as? StoreError else { return false }
            return reason.hasPrefix("it is damaged: expected a string at byte ")
        }
    }
}

@Suite("Entities in the store")
struct EntityStoreTests {
    static let created = Date(timeIntervalSince1970: 1_800_000_000)
    static let entities: [Entity] = [
        .org(id: "org-new", Org(id: "org-new", name: "initech", isPrimary: false, createdAt: "2027-01-15T08:00:00+00:00", email: "it@initech.test", description: "d")),
        .org(id: "org-gone", nil),
        .user(id: "user-dave", User(id: "user-dave", username: "dave", email: "dave@acme.test", fullName: "Dave", memberships: ["acme": .member, "initech": .admin],
                                    defaultOrg: "initech", createdAt: "2027-01-15T08:00:00+00:00")),
        .sharedFolder(SharedFolder(id: "sf-1", name: "data", owner: OwnerPath(org: "acme", identity: "alice"), createdAt: created, access: .org,
                                   accessMode: .readOnlyMany, isExternal: true)),
        .usageLimit(UsageLimit(id: "lim-1", orgID: "org-acme", name: "small", isDefault: true, createdAt: created, instanceSizes: ["large"],
                               resourceTypes: nil, amounts: ["num_instances": 2, "hours_per_day": 8])),
        .resourceTemplate(ResourceTemplate(id: "tpl-1", name: "starter", description: "a job", owner: OwnerPath(org: "acme", identity: "alice"),
                                           access: .org, recipe: .object(["type": .string("job"), "spec": .object(["name": .string("nightly")])]),
                                           thumbnailImageURL: "https://example.test/t.png", weight: 3, inGallery: true, createdAt: created)),
        .secret(Secret(id: "sec-1", name: "snowflake_key", owner: OwnerPath(org: "acme", identity: "alice"), createdAt: created, access: .org,
                       value: "-----BEGIN KEY-----\nkept, \"quoted\" and whole\n")),
        .externalRepo(ExternalRepo(id: "repo-1", owner: OwnerPath(org: "acme", identity: "acme"), createdAt: created,
                                   remoteURL: "git@github.com:saturncloud/examples.git", sshKeyID: "sec-1")),
        .externalRepo(ExternalRepo(id: "repo-2", owner: OwnerPath(org: "acme", identity: "alice"), createdAt: created,
                                   remoteURL: "https://github.com/acme/tools", sshKeyID: nil)),
    ]

    func loadedEntities(_ folder: TemporaryFolder) throws -> [Entity] {
        let store = try JournalRecipeStore(folder: folder.path)
        defer { store.close() }
        return store.takeLoaded().tenants[TenantRegistry.defaultTenant]?.entities.sorted ?? []
    }

    @Test("entities of every family come back whole from the journal, after compaction, and from a named snapshot; a removal holds")
    func roundTrip() throws {
        let folder = TemporaryFolder()
        let store = try JournalRecipeStore(folder: folder.path, compactionBytes: 1)
        try store.appendDurably(StoreTransaction(tenant: TenantRegistry.defaultTenant, change: .entities(put: Self.entities, removing: [])))
        try store.appendDurably(StoreTransaction(tenant: TenantRegistry.defaultTenant, change: .entities(put: [], removing: [EntityKey(.sharedFolder, "sf-1")])))
        try store.saveSnapshot(TenantContent(entities: Self.entities), tenant: TenantRegistry.defaultTenant, name: "golden")
        store.close()
        let expected = Self.entities.filter { $0.key != EntityKey(.sharedFolder, "sf-1") }.sorted { $0.key < $1.key }
        #expect(try loadedEntities(folder) == expected)
        #expect(folder.files().contains("snapshot.json"), "compaction ran and wrote the entities into the snapshot")
        let reopened = try JournalRecipeStore(folder: folder.path)
        defer { reopened.close() }
        #expect(try reopened.snapshot(tenant: TenantRegistry.defaultTenant, name: "golden")?.entities == Self.entities)
    }
}
