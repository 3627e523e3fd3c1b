import FoundationEssentials

/// A resource's status as Saturn's client knows it (`DeploymentStatus`, and `JobStatus`'s `completed`).
public enum ResourceStatus: String, Sendable, CaseIterable {
    case pending
    case running
    case stopping
    case stopped
    case error
    case completed

    /// Whether the resource holds a pod that is starting, running or going away: deleting it needs `allow_active`.
    public var isActive: Bool { self == .pending || self == .running || self == .stopping }
}

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

/// When a run reaches each of its steps, from its stored times and the timing; what its status is at any instant.
public struct RunSchedule: Sendable {
    public let run: ResourceRun
    /// When the container starts (or the pull fails).
    public let readyAt: Date
    /// When a job's run completes by itself, if it is not stopped first.
    public let completesAt: Date?
    /// When a stop finishes.
    public let stoppedAt: Date?

    /// The schedule of `run` of a resource of `kind`.
    public init(_ run: ResourceRun, kind: ResourceKind, timing: ResourceTiming) {
        self.run = run
        readyAt = run.requestedAt.addingTimeInterval(timing.startDelay)
        completesAt = kind.completes && run.failure == nil ? readyAt.addingTimeInterval(timing.jobRunTime) : nil
        stoppedAt = run.stopRequestedAt.map { $0.addingTimeInterval(timing.stopDelay) }
    }

    /// The status at `now`. A stop asked for after the run had ended on its own changes nothing.
    public func status(at now: Date) -> ResourceStatus {
        if let stop = run.stopRequestedAt, ended(before: stop) == nil, let stoppedAt {
            return now < stoppedAt ? .stopping : .stopped
        }
        if let end = ended(before: now) { return end }
        return now < readyAt ? .pending : .running
    }

    /// How the run ended by itself before `instant`, if it had: a failed pull, or a job's completion.
    private func ended(before instant: Date) -> ResourceStatus? {
        guard instant >= readyAt else { return nil }
        if run.failure != nil { return .error }
        if let completesAt, instant >= completesAt { return .completed }
        return nil
    }

    /// When the run's pod went away (stopped, completed or failed), if it has by `now`.
    public func endedAt(at now: Date) -> Date? {
        switch status(at: now) {
        case .stopped: return stoppedAt
        case .completed: return completesAt
        case .error: return readyAt
        case .pending, .running, .stopping: return nil
        }
    }
}
