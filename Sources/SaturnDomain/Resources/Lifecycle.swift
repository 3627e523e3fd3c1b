/// The stored facts a resource's status is derived from: its runs, each with when it was asked to start and stop.
/// Nothing here changes with time; the status is computed from these and the tenant's clock when it is read, so a
/// restart of the mock finds every resource where it was, and no thread waits on any of them.
public struct Lifecycle: Equatable, Sendable {
    /// The latest run, live or finished; nil before the first start.
    public var current: ResourceRun?
    /// Earlier runs, newest first, at most `historyLimit`.
    public var history: [ResourceRun]
    /// Whether a job's cron schedule triggers it.
    public var scheduled: Bool

    /// How many finished runs a resource keeps (`GET .../history`).
    public static let historyLimit = 20

    /// Creates a lifecycle.
    public init(current: ResourceRun? = nil, history: [ResourceRun] = [], scheduled: Bool = false) {
        self.current = current
        self.history = history
        self.scheduled = scheduled
    }

    /// Every run, newest first.
    public var runs: [ResourceRun] { (current.map { [$0] } ?? []) + history }
}
