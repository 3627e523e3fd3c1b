import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Appends journal records with group commit: whoever waits first while no flush is running becomes the leader,
/// writes everything queued so far in one write and one `fdatasync`, and wakes the others. Writers that arrive
/// during a flush share the next one, so many writers cost fewer syncs than writes.
///
/// When a flush fails, the journal is cut back to its last durable byte, every queued transaction fails with it,
/// and appends are refused until the catalog has undone them (`clearFailure`). If even the cut fails, the writer
/// stays broken: every later write fails, reads go on, and the next start drops the torn tail.
final class JournalWriter: @unchecked Sendable {
    private let condition = NSCondition()
    private let layout: StoreLayout
    private let rotateAfterBytes: Int
    private let onRotate: @Sendable (_ newGeneration: Int) -> Void
    private let warn: @Sendable (String) -> Void

    // Guarded by `condition`.
    private var queued: [UInt8] = []
    private var lastTicket: UInt64 = 0
    private var durable: UInt64 = 0
    private var failed: UInt64 = 0
    private var failure: StoreError?
    private var broken: StoreError?
    private var flushing = false

    // Touched only by the leader of a flush (or before the first one).
    private var descriptor: Int32
    private var generation: Int
    private var length: Int
    private var rotationFailing = false

    /// Opens `generation` for appending at `length` (its intact length), creating it when `length` is nil.
    init(
        layout: StoreLayout, generation: Int, length: Int?, rotateAfterBytes: Int,
        onRotate: @escaping @Sendable (Int) -> Void, warn: @escaping @Sendable (String) -> Void
    ) throws(StoreError) {
        self.layout = layout
        self.rotateAfterBytes = rotateAfterBytes
        self.onRotate = onRotate
        self.warn = warn
        self.generation = generation
        (descriptor, self.length) = try Self.open(layout.journal(generation), length: length)
    }

    /// Opens a journal for appending; a new one gets its header and is made durable with its folder.
    private static func open(_ path: String, length: Int?) throws(StoreError) -> (Int32, Int) {
        let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw DurableFile.failure(path) }
        if let length { return (descriptor, length) }
        do throws(StoreError) {
            guard ftruncate(descriptor, 0) == 0 else { throw DurableFile.failure(path) }
            try DurableFile.writeAll(JournalFormat.header, to: descriptor, path: path)
            guard fdatasync(descriptor) == 0 else { throw DurableFile.failure(path) }
            try DurableFile.syncFolder(of: path)
        } catch {
            Glibc.close(descriptor)
            throw error
        }
        return (descriptor, JournalFormat.header.count)
    }

    var durableThrough: UInt64 { condition.withLock { durable } }
    var failedThrough: UInt64 { condition.withLock { failed } }

    func append(_ frame: [UInt8]) throws(StoreError) -> UInt64 {
        condition.lock()
        defer { condition.unlock() }
        if let stop = broken ?? failure { throw stop }
        queued += frame
        lastTicket += 1
        return lastTicket
    }

    func waitUntilDurable(_ ticket: UInt64) throws(StoreError) {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if ticket <= durable { return }
            if ticket <= failed, let stop = broken ?? failure { throw stop }
            guard !flushing else {
                condition.wait()
                continue
            }
            flushing = true
            let batch = queued
            let batchLast = lastTicket
            queued = []
            condition.unlock()
            let outcome = flush(batch)
            condition.lock()
            flushing = false
            switch outcome {
            case nil:
                durable = batchLast
            case let .some((error, isPermanent)):
                // Everything queued so far was built on the failed writes: it fails with them.
                failed = lastTicket
                queued = []
                failure = error
                if isPermanent { broken = error }
            }
            condition.broadcast()
        }
    }

    func clearFailure() {
        condition.withLock { failure = nil }
    }

    /// Writes and syncs one batch; on failure returns the error and whether the journal could not be cut back.
    private func flush(_ batch: [UInt8]) -> (StoreError, Bool)? {
        rotateIfDue()
        let path = layout.journal(generation)
        do throws(StoreError) {
            try DurableFile.writeAll(batch, to: descriptor, path: path)
            guard fdatasync(descriptor) == 0 else { throw DurableFile.failure(path) }
            length += batch.count
            return nil
        } catch {
            let isPermanent = ftruncate(descriptor, off_t(length)) != 0 || fdatasync(descriptor) != 0
            return (error, isPermanent)
        }
    }

    /// Starts the next journal once this one passed the threshold; the closed one is left for compaction.
    /// If the next one cannot be made (a read-only folder), writes go on in this one and compaction waits.
    private func rotateIfDue() {
        guard length >= rotateAfterBytes else { return }
        let next: Int32
        let nextLength: Int
        do throws(StoreError) {
            (next, nextLength) = try Self.open(layout.journal(generation + 1), length: nil)
        } catch {
            if !rotationFailing {
                warn("cannot start a new journal, so compaction waits; writes go on in \(layout.journal(generation)): \(error)")
            }
            rotationFailing = true
            return
        }
        rotationFailing = false
        Glibc.close(descriptor)
        descriptor = next
        length = nextLength
        generation += 1
        onRotate(generation)
    }

    func close() {
        condition.withLock { Glibc.close(descriptor) }
    }
}
