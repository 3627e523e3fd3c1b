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
