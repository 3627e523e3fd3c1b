import FoundationEssentials

/// A workspace, job or deployment as it is at one instant: its status, its pods and their logs, all derived from
/// the stored runs, the timing and `now` (README "A job's life").
public struct ResourceView: Sendable {
    public let recipe: Recipe
    public let spec: ResourceSpec
    public let now: Date
    /// Every run's schedule, newest first.
    public let runs: [RunSchedule]
    /// The status now.
    public let status: ResourceStatus

    /// The view of a resource at `now`.
    public init(recipe: Recipe, spec: ResourceSpec, timing: ResourceTiming, now: Date) {
        self.recipe = recipe
        self.spec = spec
        self.now = now
        runs = spec.lifecycle.runs.map { RunSchedule($0, kind: spec.kind, timing: timing) }
        status = spec.status(at: now, timing: timing)
    }

    public var kind: ResourceKind { spec.kind }

    /// The name Saturn gives the resource in Kubernetes; pods are named after it.
    public var k8sName: String { "\(kind.rawValue)-\(recipe.id)" }

    /// Every pod the resource had, newest first: the latest run's is live while it is pending, running or
    /// stopping; the others are history.
    public var pods: [PodView] {
        runs.map { PodView(resource: self, schedule: $0) }
    }

    /// When the running pod started, if one runs now.
    public var startedAt: Date? {
        guard let current = runs.first, status == .running else { return nil }
        return current.readyAt
    }

    /// The resource whose pod has this name: `<kind>-<id>-<run>`.
    static func podOwner(_ podName: String) -> (kind: ResourceKind, id: String)? {
        let parts = podName.split(separator: "-")
        guard parts.count == 3, let kind = ResourceKind(rawValue: String(parts[0])), Int(parts[2]) != nil else { return nil }
        return (kind, String(parts[1]))
    }
}
