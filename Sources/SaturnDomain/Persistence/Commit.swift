/// A committed change on its way to the disk: readers see it already; `whenDurable` says when it is there.
public struct Commit: Sendable {
    private let ticket: UInt64?
    private let queue: CommitQueue?

    init(ticket: UInt64, queue: CommitQueue) {
        self.ticket = ticket
        self.queue = queue
    }

    private init() {
        ticket = nil
        queue = nil
    }

    /// Nothing was written (the change would have changed nothing): durable at once.
    public static let nothing = Commit()

    /// Calls back, on any thread, with nil once the change is durable, or with the error that undid it.
    public func whenDurable(_ callback: @escaping @Sendable (DomainError?) -> Void) {
        guard let ticket, let queue else { return callback(nil) }
        queue.whenDurable(ticket, callback)
    }
}
