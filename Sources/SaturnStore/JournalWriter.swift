import FoundationEssentials
import SaturnDomain

#if canImport(Glibc)
import Glibc
#endif

/// Appends journal records with group commit: one flusher thread writes everything queued so far in one write and
/// one `fdatasync`, then calls back every transaction it made durable. Transactions queued while a sync is running
/// share the next one, so many writers cost fewer syncs than writes, and no request thread waits on the disk.
///
/// When a flush fails, the journal is cut back to its last durable byte, every queued transaction fails with it,
/// and appends are refused until the catalog has undone them (`clearFailure`). If even the cut fails, the writer
/// stays broken: every later write fails, reads go on, and the next start drops the torn tail.
final class JournalWriter: @unchecked Sendable {
    private let condition = ThreadCondition()
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
    private var waiters: [(ticket: UInt64, callback: @Sendable (StoreError?) -> Void)] = []
    private var closing = false
    private var lastSync: Date?
    /// True from a failed flush until the next one succeeds: the disk refuses writes now.
    private var lastFlushFailed = false
    private var flusher: pthread_t?

    // Touched only by the flusher thread (and by `init` and `close`, before it starts and after it ends).
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
        // The thread keeps the writer alive until `close()`.
        flusher = ThreadCondition.startThread { self.flushUntilClosed() }
    }

    /// Opens a journal for appending at `length`. A new one (nil) is made whole before it gets its name: its header
    /// is written to a temporary file, synced and renamed into place, so that a crash never leaves a journal without
    /// its header.
    private static func open(_ path: String, length: Int?) throws(StoreError) -> (Int32, Int) {
        if length == nil { try DurableFile.replace(path, with: JournalFormat.header) }
        let descriptor = Glibc.open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw DurableFile.failure(path) }
        return (descriptor, length ?? JournalFormat.header.count)
    }

    var durableThrough: UInt64 { condition.withLock { durable } }
    var failedThrough: UInt64 { condition.withLock { failed } }

    func append(_ frame: [UInt8]) throws(StoreError) -> UInt64 {
        condition.lock()
        defer { condition.unlock() }
        if let stop = broken ?? failure { throw stop }
        // The flusher may have stopped: a write queued now would never be synced, nor its writer called back.
        guard !closing else { throw .closed }
        queued += frame
        lastTicket += 1
        condition.broadcast()
        return lastTicket
    }

    func whenDurable(_ ticket: UInt64, _ callback: @escaping @Sendable (StoreError?) -> Void) {
        condition.lock()
        if ticket <= durable {
            condition.unlock()
            callback(nil)
        } else if ticket <= failed {
            let error = broken ?? failure
            condition.unlock()
            callback(error ?? .writeFailed(file: layout.journal(generation), reason: "an earlier write failed"))
        } else {
            waiters.append((ticket, callback))
            condition.unlock()
        }
    }

    /// The flusher thread: sync whatever is queued, call back who is done, repeat until closed and drained.
    private func flushUntilClosed() {
        condition.lock()
        while true {
            while queued.isEmpty && !closing { condition.wait() }
            if queued.isEmpty { break }
            let batch = queued
            let batchLast = lastTicket
            queued = []
            condition.unlock()
            let outcome = flush(batch)
            condition.lock()
            var error: StoreError?
            if let (failure, isPermanent) = outcome {
                // Everything queued meanwhile was built on the failed writes: it fails with them.
                failed = lastTicket
                lastFlushFailed = true
                queued = []
                self.failure = failure
                if isPermanent { broken = failure }
                error = failure
            } else {
                durable = batchLast
                lastSync = Date()
                lastFlushFailed = false
            }
            let settled = max(durable, failed)
            let done = waiters.filter { $0.ticket <= settled }
            waiters.removeAll { $0.ticket <= settled }
            condition.unlock()
            for waiter in done { waiter.callback(waiter.ticket <= durable ? nil : error) }
            condition.lock()
        }
        condition.broadcast()
        condition.unlock()
    }

    /// Whether writes succeed (false after a failed flush until one succeeds, and for good once a failed write
    /// could not be cut back), and when the last sync finished.
    var status: (writable: Bool, lastSync: Date?) {
        condition.withLock { (broken == nil && !lastFlushFailed, lastSync) }
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

    /// Syncs what is queued, stops the flusher and closes the journal.
    func close() {
        condition.withLock {
            closing = true
            condition.broadcast()
        }
        if let flusher { pthread_join(flusher, nil) }
        Glibc.close(descriptor)
    }
}
