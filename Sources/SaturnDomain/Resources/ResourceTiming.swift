import FoundationEssentials

/// How long the lifecycle's steps take (`--start-delay`, `--stop-delay`, `--job-run-time`), in the tenant's time.
public struct ResourceTiming: Sendable, Equatable {
    /// From a start to `running` (or to `error`, when the image cannot be pulled).
    public var startDelay: TimeInterval
    /// From a stop to `stopped`.
    public var stopDelay: TimeInterval
    /// From `running` to `completed`, for a job's run.
    public var jobRunTime: TimeInterval

    /// Long enough to watch in a demo: 5 s to start, 3 s to stop, a job runs for 30 s.
    public static let demo = ResourceTiming(startDelay: 5, stopDelay: 3, jobRunTime: 30)

    /// Creates a timing.
    public init(startDelay: TimeInterval, stopDelay: TimeInterval, jobRunTime: TimeInterval) {
        self.startDelay = startDelay
        self.stopDelay = stopDelay
        self.jobRunTime = jobRunTime
    }
}
