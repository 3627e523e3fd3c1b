import Dispatch
import Synchronization

/// Runs the registry's sweep of unused blobs off the request path: once every commit is durable (so that nothing
/// it reads can still be undone), as the only writer. Requests made while one waits share it.
final class BlobSweeper: Sendable {
    private let commits: CommitQueue
    private let dispatch = DispatchQueue(label: "saturn-mock.blob-sweep")
    private let requested = Atomic<Bool>(false)

    init(commits: CommitQueue) {
        self.commits = commits
    }

    /// Runs `sweep` soon, on the sweeper's own thread, once the store is settled.
    func request(_ sweep: @escaping @Sendable () -> Void) {
        guard !requested.exchange(true, ordering: .acquiringAndReleasing) else { return }
        dispatch.async { [self] in
            requested.store(false, ordering: .releasing)
            guard let pending = commits.ifSettled(sweep) else { return }
            commits.whenDurable(pending) { [self] _ in request(sweep) }
        }
    }
}
