/// What a write replaced, kept until the store says it is durable, so that a failed write can be undone.
struct PendingUndo {
    let ticket: UInt64
    let previous: [(key: RecipeKey, recipe: Recipe?)]
}

extension RecipeCatalog {
    /// Calls back once the ticket is durable, or once it failed and was undone.
    func whenDurable(_ ticket: UInt64, _ callback: @escaping @Sendable (DomainError?) -> Void) {
        store.whenDurable(ticket) { [self] error in
            guard let error else { return callback(nil) }
            undoFailedWrites()
            callback(.storeUnavailable(reason: error.description))
        }
    }

    /// Undoes, newest first, every write the store failed to make durable, then lets writes through again.
    private func undoFailedWrites() {
        writer.withLock { pending in
            let durable = store.durableThrough
            let failed = store.failedThrough
            let undone = pending.filter { $0.ticket > durable && $0.ticket <= failed }
            state.withLock { current in
                for write in undone.reversed() {
                    for entry in write.previous.reversed() { current.restore(entry.key, to: entry.recipe) }
                }
            }
            changes.add(1, ordering: .releasing)
            pending.removeAll { $0.ticket <= failed }
            store.clearFailure()
        }
    }
}
