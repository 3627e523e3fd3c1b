import FoundationEssentials

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
        // A pull not yet recorded keeps the run pending; a recorded one makes it ready no earlier than it was recorded.
        let delayed = run.requestedAt.addingTimeInterval(timing.startDelay)
        readyAt = run.awaitingPull ? .distantFuture : max(delayed, run.pulledAt ?? delayed)
        completesAt = kind.completes && !run.fails ? readyAt.addingTimeInterval(timing.jobRunTime) : nil
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
        if run.fails { return .error }
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
