import Synchronization

/// The one way every tenant writes to the store: writers take turns, each transaction is queued to the store and
/// applied in memory at once, and a transaction the store fails to make durable is undone, with every one queued
/// after it, of whichever tenant, before anyone is told.
public final class TransactionLog: Sendable {
    public let store: any RecipeStore
    /// Serialises writers; holds how to undo each write that is not durable yet.
    private let pending = Mutex<[PendingUndo]>([])

    /// Writes through `store`.
    public init(store: any RecipeStore) {
        self.store = store
    }

    /// Runs `body` as the only writer; `body` may queue one transaction through the writer it is given.
    func exclusive<Result>(_ body: (inout Writer) throws(DomainError) -> Result) throws(DomainError) -> Result {
        try pending.withLock { pending throws(DomainError) -> Result in
            let durable = store.durableThrough
            pending.removeAll { $0.ticket <= durable }
            var writer = Writer(store: store)
            let result = try body(&writer)
            if let queued = writer.queued { pending.append(queued) }
            return result
        }
    }

    /// Queues one transaction and applies it in memory, one writer at a time.
    struct Writer {
        let store: any RecipeStore
        fileprivate(set) var queued: PendingUndo?

        /// Queues `transaction`, then calls `apply`, which changes the state in memory and returns how to undo it.
        mutating func commit(_ transaction: StoreTransaction, apply: () -> @Sendable () -> Void) throws(DomainError) -> UInt64 {
            let ticket: UInt64
            do throws(StoreError) {
                ticket = try store.append(transaction)
            } catch {
                throw .storeUnavailable(reason: error.description)
            }
            queued = PendingUndo(ticket: ticket, undo: apply())
            return ticket
        }
    }

    /// Calls back once the ticket is durable, or once it failed and every failed write was undone.
    func whenDurable(_ ticket: UInt64, _ callback: @escaping @Sendable (DomainError?) -> Void) {
        store.whenDurable(ticket) { [self] error in
            guard let error else { return callback(nil) }
            undoFailedWrites()
            callback(.storeUnavailable(reason: error.description))
        }
    }

    /// Undoes, newest first, every write the store failed to make durable, then lets writes through again.
    private func undoFailedWrites() {
        pending.withLock { pending in
            let durable = store.durableThrough
            let failed = store.failedThrough
            for write in pending.filter({ $0.ticket > durable && $0.ticket <= failed }).reversed() { write.undo() }
            pending.removeAll { $0.ticket <= failed }
            store.clearFailure()
        }
    }
}

/// How to take back one write that is not durable yet.
struct PendingUndo {
    let ticket: UInt64
    let undo: @Sendable () -> Void
}

/// A write on its way to the disk.
public struct PendingWrite: Sendable {
    let ticket: UInt64?
    let log: TransactionLog

    /// Calls back, on any thread, with nil once the write is durable, or with the error that undid it.
    public func whenDurable(_ callback: @escaping @Sendable (DomainError?) -> Void) {
        guard let ticket else { return callback(nil) }
        log.whenDurable(ticket, callback)
    }
}
