import FoundationEssentials
import SaturnDomain
import SaturnJSON

#if canImport(Glibc)
import Glibc
#endif

/// Rebuilds the state from a data folder: the snapshot, then every journal after it, in order.
///
/// A torn last record (a write cut short by a crash, never acknowledged) is dropped with a warning. Any other
/// damage stops the load with the file and byte offset, and nothing is changed on disk, unless `recover` is set:
/// then every intact record is kept, before and after the damage, each dropped stretch or transaction is named, bad
/// files are moved aside, and the caller writes a fresh snapshot.
struct StoreLoader {
    let layout: StoreLayout
    let recover: Bool
    let warn: @Sendable (String) -> Void

    /// What a load found.
    struct Loaded {
        var state = LoadedState()
        /// The journal to append to, and its intact length.
        var lastGeneration = 1
        var lastLength: Int?
        /// True when `--recover` moved files aside: the state must be written as a new snapshot before serving.
        var recovered = false
    }

    /// Loads everything, handling a torn tail of the last journal (kept in a side file, then cut off).
    func load() throws(StoreError) -> Loaded {
        var loaded = Loaded()
        var firstGeneration = 1
        var movedAside: [String] = []
        var snapshotLoaded = false
        do throws(StoreError) {
            if let snapshot = try SnapshotFile.read(layout.snapshot) {
                loaded.state = snapshot.state
                firstGeneration = snapshot.nextJournal
                snapshotLoaded = true
            }
        } catch {
            guard recover else { throw withRecoveryHint(error) }
            movedAside.append(layout.snapshot)
            warn("--recover: \(error); moving it aside and keeping what the journals hold")
        }

        var generations = layout.journalGenerations()
        if snapshotLoaded {
            // Journals before the snapshot's are covered by it: a compaction stopped before deleting them.
            for stale in generations where stale < firstGeneration { unlink(layout.journal(stale)) }
            generations.removeAll { $0 < firstGeneration }
        } else if let first = generations.first {
            firstGeneration = recover ? first : firstGeneration
        }
        let expected = Array(firstGeneration..<(firstGeneration + generations.count))
        if generations != expected, let gap = expected.first(where: { !generations.contains($0) }) {
            let missing = layout.journal(gap)
            guard recover else {
                throw StoreError.unreadable(file: missing, reason: "the file is missing, but later journals exist; the recipes it held would be lost. Start with --recover to load what remains")
            }
            warn("--recover: \(missing) is missing; loading the journals that remain")
        }

        for (index, generation) in generations.enumerated() {
            let path = layout.journal(generation)
            let isLast = index == generations.count - 1
            let replayed = try replay(path, into: &loaded.state, isLast: isLast, movedAside: &movedAside)
            if isLast {
                // A journal of an older format is left as it is; appends go to a new one.
                loaded.lastGeneration = replayed.appendable ? generation : generation + 1
                loaded.lastLength = replayed.appendable ? replayed.length : nil
            }
        }
        if generations.isEmpty { loaded.lastGeneration = firstGeneration }

        if !movedAside.isEmpty {
            let folder = layout.recoveryFolder()
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for path in movedAside {
                let target = folder + "/" + StoreLayout.fileName(of: path)
                guard rename(path, target) == 0 else { throw DurableFile.failure(target) }
                warn("--recover: moved \(path) to \(target)")
            }
            loaded.recovered = true
            loaded.lastGeneration = (layout.journalGenerations().last ?? loaded.lastGeneration) + 1
            loaded.lastLength = nil
        }
        return loaded
    }

    /// Loads the snapshot and the journals before `generation` only; they are closed and complete. For compaction.
    static func loadCovered(_ layout: StoreLayout, before generation: Int) throws(StoreError) -> LoadedState {
        let snapshot = try SnapshotFile.read(layout.snapshot)
        var state = snapshot?.state ?? LoadedState()
        let first = snapshot?.nextJournal ?? 1
        let loader = StoreLoader(layout: layout, recover: false, warn: { _ in })
        var unused: [String] = []
        for journal in layout.journalGenerations() where journal >= first && journal < generation {
            _ = try loader.replay(layout.journal(journal), into: &state, isLast: false, movedAside: &unused)
        }
        return state
    }

    /// Applies one journal's records; returns the length appends continue from (nil: the file must be made anew),
    /// and whether it is of the format this build appends. Damage anywhere but a torn tail stops the load, unless
    /// `recover` is set: then every intact record, before and after the damage, is applied, each dropped stretch or
    /// transaction is named, and the file is moved aside.
    private func replay(
        _ path: String, into state: inout LoadedState, isLast: Bool, movedAside: inout [String]
    ) throws(StoreError) -> (length: Int?, appendable: Bool) {
        guard let bytes = try DurableFile.read(path) else { return (0, true) }
        let scan: JournalFormat.Scan
        do {
            scan = try JournalFormat.scan(bytes)
        } catch {
            if isLast, !bytes.contains(0x0A), JournalFormat.header.starts(with: bytes) {
                // The header never reached the disk whole: a journal begun just before a crash, by a build that named
                // it before writing it. Nothing can have been written to it, let alone acknowledged.
                warn("\(path) holds only \(bytes.count) bytes of its header, a journal begun when the server stopped; it is begun again")
                return (nil, true)
            }
            let reason: String
            switch error {
            case .missing: reason = "it is not a saturn-mock journal (no header line)"
            case let .unknownVersion(header):
                let versions = JournalFormat.readableVersions
                reason = "unknown format version ('\(header)'; this build reads \(versions.lowerBound) to \(versions.upperBound))"
            }
            guard recover else { throw withRecoveryHint(.unreadable(file: path, reason: reason)) }
            movedAside.append(path)
            warn("--recover: cannot load \(path): \(reason); moving it aside")
            return (0, true)
        }
        var dropped: [(offset: Int, what: String)] = scan.damaged.map { ($0.offset, "bytes \($0.offset) to \($0.end): \($0.reason)") }
        if let torn = scan.tornTail, !isLast {
            dropped.append((torn.offset, "bytes \(torn.offset) to \(bytes.count), cut short (\(torn.reason)), in a journal that is not the last"))
        }
        var applied = 0
        for record in scan.records {
            let decoded: JournalRecord
            do {
                decoded = try JournalRecord(decoding: record.json)
            } catch {
                dropped.append((record.offset, "the transaction at byte \(record.offset), whose checksum is right but which is not a saturn-mock transaction (\(error.reason))"))
                continue
            }
            if state.apply(decoded.transaction) {
                applied += 1
            } else {
                warn("\(path): skipped the transaction at byte \(record.offset): it writes to tenant '\(decoded.transaction.tenant)', which was deleted before it (a write that an older build let commit after its tenant was deleted)")
            }
        }
        let appendable = scan.version == JournalFormat.version
        if !dropped.isEmpty {
            dropped.sort { $0.offset < $1.offset }
            guard recover else {
                let more = dropped.count > 1 ? " (and \(dropped.count - 1) more damaged stretch\(dropped.count > 2 ? "es" : ""))" : ""
                throw withRecoveryHint(.unreadable(file: path, reason: "damaged: \(dropped[0].what)\(more)"))
            }
            movedAside.append(path)
            for entry in dropped { warn("--recover: \(path): dropped \(entry.what)") }
            warn("--recover: \(path): kept its \(applied) intact transaction\(applied == 1 ? "" : "s"), before and after what was dropped; moving the file aside")
            return (0, true)
        }
        if let torn = scan.tornTail {
            warn("\(path): dropped a torn record at byte \(torn.offset) (\(torn.reason)): a write cut short by a crash, never acknowledged; its bytes are kept in \(path).torn-\(torn.offset)")
            try keepTornTail(bytes, from: torn.offset, of: path)
        }
        return (scan.validLength, appendable)
    }

    /// Saves a torn tail beside the journal, then cuts it off so that appends continue from intact records.
    private func keepTornTail(_ bytes: [UInt8], from offset: Int, of path: String) throws(StoreError) {
        try DurableFile.replace("\(path).torn-\(offset)", with: Array(bytes[offset...]))
        guard truncate(path, off_t(offset)) == 0 else { throw DurableFile.failure(path) }
    }

    private func withRecoveryHint(_ error: StoreError) -> StoreError {
        guard case let .unreadable(file, reason) = error else { return error }
        let sentence = reason.hasSuffix(".") ? String(reason.dropLast()) : reason
        return .unreadable(file: file, reason: "\(sentence). Nothing was changed; start with --recover to move bad files aside and keep what is good")
    }
}
