import FoundationEssentials

/// One run's pod: its name, status, times and the log its container `main` wrote.
public struct PodView: Sendable {
    public let name: String
    /// The id of the resource it runs (its `saturncloud.io/resource-id` label).
    public let resourceID: RecordID
    public let schedule: RunSchedule
    public let status: ResourceStatus
    /// Whether it is the latest run's pod and has not gone away.
    public let isLive: Bool
    let now: Date
    let kind: ResourceKind

    init(resource: ResourceView, schedule: RunSchedule) {
        name = "\(resource.k8sName)-\(schedule.run.number)"
        resourceID = resource.recipe.id
        self.schedule = schedule
        status = schedule.status(at: resource.now)
        isLive = schedule.run.number == resource.runs.first?.run.number && status.isActive
        now = resource.now
        kind = resource.kind
    }

    /// When its container started; nil while it is pulling, and for a pull that failed.
    public var startedAt: Date? {
        now >= schedule.readyAt && !schedule.run.fails ? schedule.readyAt : nil
    }

    /// When it went away, once it has.
    public var endedAt: Date? { schedule.endedAt(at: now) }

    /// The log of container `main` up to now, one line each: what Kubernetes would say pulling the image, then
    /// what the container ran, then how it ended.
    public var logLines: [(time: Date, text: String)] {
        let run = schedule.run
        var lines: [(time: Date, text: String)] = [(run.requestedAt, "Pulling image \"\(run.imageURI)\"")]
        let stoppedBeforeReady = run.stopRequestedAt.map { $0 < schedule.readyAt } ?? false
        if !stoppedBeforeReady {
            if let failure = run.failure {
                lines.append((schedule.readyAt, "Failed to pull image \"\(run.imageURI)\": \(failure)"))
                lines.append((schedule.readyAt, "Error: ErrImagePull; the \(kind.rawValue) is in error"))
            } else if !run.unmetRequirements.isEmpty {
                lines += unmetLines(run).map { (schedule.readyAt, $0) }
            } else {
                lines.append((schedule.readyAt, "Successfully pulled image \"\(run.imageURI)\""))
                lines.append((schedule.readyAt, "Started container main" + (run.debugMode ? " in debug mode" : "")))
                lines.append((schedule.readyAt, run.command.map { "Running: \($0)" } ?? "Serving the workspace"))
                if let completesAt = schedule.completesAt, run.stopRequestedAt.map({ $0 >= completesAt }) ?? true {
                    lines.append((completesAt, "Completed: the command exited with code 0"))
                }
            }
        }
        if let requested = run.stopRequestedAt, status == .stopping || status == .stopped {
            lines.append((requested, "Stopping container main"))
            if let stoppedAt = schedule.stoppedAt { lines.append((stoppedAt, "Stopped container main")) }
        }
        return lines.filter { $0.time <= now }
    }

    /// A pulled image that fails what the run starts: each requirement with its evidence, then the error.
    private func unmetLines(_ run: ResourceRun) -> [String] {
        ["Successfully pulled image \"\(run.imageURI)\"" + (run.imageDigest.map { " (\($0))" } ?? ""),
         "The image does not meet Saturn's requirements for a \(kind.rawValue):"]
            + run.unmetRequirements.map { "  \($0)" }
            + ["Error: the container cannot start; the \(kind.rawValue) is in error"]
    }

    /// The log as one text, each line stamped with its UTC time.
    public var log: String {
        logLines.map { "\(UTCTimestamp.format($0.time)) \($0.text)" }.joined(separator: "\n")
    }
}
