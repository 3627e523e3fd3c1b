import Synchronization

/// The one way every tenant's changes reach the store: writers take turns, each transaction is queued to the store
/// and applied in memory at once, and a transaction the store fails to make durable is undone, with every one queued
/// after it, of whichever tenant, before anyone is told.
public final class CommitQueue: Sendable {
    public let store: any RecipeStore
    /// Serialises writers; holds how to undo each commit that is not durable yet.
    private let undoable = Mutex<[Undo]>([])

    /// How to take back one commit that is not durable yet.
    fileprivate struct Undo {
        let ticket: UInt64
        let undo: @Sendable () -> Void
    }

    /// Commits through `store`.
    public init(store: any RecipeStore) {
        self.store = store
    }

    /// Runs `body` as the only writer: what it reads cannot change under it, and it may commit one transaction.
    func takeTurn<Result>(_ body: (inout Turn) throws(DomainError) -> Result) throws(DomainError) -> Result {
        try undoable.withLock { undoable throws(DomainError) -> Result in
            let durable = store.durableThrough
            undoable.removeAll { $0.ticket <= durable }
            var turn = Turn(queue: self)
            let result = try body(&turn)
            if let committed = turn.committed { undoable.append(committed) }
            return result
        }
    }

    /// One writer's turn: at most one transaction, queued and applied in memory together.
    struct Turn {
        fileprivate let queue: CommitQueue
        fileprivate var committed: Undo?

        /// Queues `transaction`, then calls `apply`, which changes the state in memory and returns how to undo it.
        mutating func commit(_ transaction: StoreTransaction, apply: () -> @Sendable () -> Void) throws(DomainError) -> Commit {
            let ticket: UInt64
            do throws(StoreError) {
                ticket = try queue.store.append(transaction)
            } catch {
                throw .storeUnavailable(reason: error.description)
            }
            committed = Undo(ticket: ticket, undo: apply())
            return Commit(ticket: ticket, queue: queue)
        }
    }

    /// Runs `body` as the only writer when every commit is durable, and answers nil; else answers the newest
    /// commit's ticket, to wait for before asking again. What `body` reads then cannot be undone by a failed write.
    func ifSettled(_ body: () -> Void) -> UInt64? {
        undoable.withLock { undoable in
            let durable = store.durableThrough
            undoable.removeAll { $0.ticket <= durable }
            if let newest = undoable.last { return newest.ticket }
            body()
            return nil
        }
    }

    /// Calls back once the ticket is durable, or once it failed and every failed commit was undone.
    func whenDurable(_ ticket: UInt64, _ callback: @escaping @Sendable (DomainError?) -> Void) {
        store.whenDurable(ticket) { [self] error in
            guard let error else { return callback(nil) }
            undoFailedCommits()
            callback(.storeUnavailable(reason: error.description))
        }
    }

    /// Undoes, newest first, every commit the store failed to make durable, then lets writes through again.
    private func undoFailedCommits() {
        undoable.withLock { undoable in
            let durable = store.durableThrough
            let failed = store.failedThrough
            for commit in undoable.filter({ $0.ticket > durable && $0.ticket <= failed }).reversed() { commit.undo() }
            undoable.removeAll { $0.ticket <= failed }
            store.clearFailure()
        }
    }
}
