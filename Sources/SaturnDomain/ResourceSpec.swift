import FoundationEssentials
import SaturnJSON

/// The recipe types that run: workspaces, jobs and deployments share their shape, their lifecycle and their pods.
public enum ResourceKind: String, CaseIterable, Sendable {
    case workspace
    case job
    case deployment

    /// The recipe type of the same name.
    public var recipeType: RecipeType {
        switch self {
        case .workspace: return .workspace
        case .job: return .job
        case .deployment: return .deployment
        }
    }

    /// The kind a recipe type names; nil for images. A switch, not the raw value: the store asks this of every
    /// recipe it loads.
    public init?(_ type: RecipeType) {
        switch type {
        case .workspace: self = .workspace
        case .job: self = .job
        case .deployment: self = .deployment
        case .image: return nil
        }
    }

    /// Whether its runs complete on their own (a job's do; workspaces and deployments run until stopped).
    public var completes: Bool { self == .job }
}

/// The image version a resource runs, by the ids of the image recipe and of its version: renaming either keeps the
/// resource pointed at it, and neither can be deleted while a resource uses it.
public struct ImageBinding: Equatable, Hashable, Sendable {
    public var imageID: RecordID
    public var versionID: RecordID

    /// Creates a binding.
    public init(imageID: RecordID, versionID: RecordID) {
        self.imageID = imageID
        self.versionID = versionID
    }
}

/// What a workspace, job or deployment recipe holds: the references the mock resolves and checks, every other field
/// of Saturn's spec as it was given (type-checked), and its lifecycle.
public struct ResourceSpec: Equatable, Sendable {
    public var kind: ResourceKind
    public var image: ImageBinding
    /// One of the installation's sizes (`GET /api/info/servers`).
    public var instanceType: String
    /// What a job or deployment runs; nil for a workspace.
    public var command: String?
    /// A job's cron schedule (`spec.schedule`, `cron_schedule_options.schedule`).
    public var schedule: String?
    /// The spec's other fields, by name, as given: echoed in the recipe and in the resource's REST answers.
    public var settings: [String: JSONValue]
    /// When the spec was last changed (Saturn's `updated_at`).
    public var updatedAt: Date
    public var lifecycle: Lifecycle

    /// Creates a spec.
    public init(
        kind: ResourceKind, image: ImageBinding, instanceType: String, command: String?, schedule: String?,
        settings: [String: JSONValue], updatedAt: Date, lifecycle: Lifecycle
    ) {
        self.kind = kind
        self.image = image
        self.instanceType = instanceType
        self.command = command
        self.schedule = schedule
        self.settings = settings
        self.updatedAt = updatedAt
        self.lifecycle = lifecycle
    }

    /// A text setting, or `fallback` when it was not given.
    public func text(_ name: String, or fallback: String) -> String {
        if case let .string(text)? = settings[name] { return text }
        return fallback
    }

    /// A boolean setting, false when it was not given.
    public func flag(_ name: String) -> Bool {
        settings[name] == .bool(true)
    }

    /// A whole-number setting, or `fallback`.
    public func integer(_ name: String, or fallback: Int) -> Int {
        if case let .number(number)? = settings[name] { return Int(number) }
        return fallback
    }

    /// The status at `now`: the latest run's, or `stopped` before the first start. Every status the mock shows or
    /// acts on is derived here, from the stored runs, the timing and the clock.
    public func status(at now: Date, timing: ResourceTiming) -> ResourceStatus {
        lifecycle.current.map { RunSchedule($0, kind: kind, timing: timing).status(at: now) } ?? .stopped
    }

    /// The spec with a new run asked for at `now`, pulling `uri`: the run before it goes to the history, asked to
    /// stop at `now` if it was still active. A URI that breaks the registry grammar makes the run fail its pull.
    func starting(uri: String, debugMode: Bool, at now: Date, timing: ResourceTiming) -> ResourceSpec {
        var started = self
        if var previous = lifecycle.current {
            if status(at: now, timing: timing).isActive { previous.stopRequestedAt = now }
            started.lifecycle.history = Array(([previous] + lifecycle.history).prefix(Lifecycle.historyLimit))
        }
        let failure = ImageReference.grammarProblem(in: uri).map { "'\(uri)' breaks the registry reference grammar: \($0)" }
        started.lifecycle.current = ResourceRun(
            number: (lifecycle.current?.number ?? 0) + 1, requestedAt: now, stopRequestedAt: nil, imageURI: uri,
            command: command, debugMode: debugMode, failure: failure
        )
        return started
    }
}

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

/// One start of a resource: one pod, with what it pulled and ran, for its status, its pod and its logs.
public struct ResourceRun: Equatable, Sendable {
    /// 1 for the first start, counting up; part of the pod's name.
    public var number: Int
    public var requestedAt: Date
    public var stopRequestedAt: Date?
    public var imageURI: String
    public var command: String?
    public var debugMode: Bool
    /// Why the image cannot be pulled, found when the run was asked for: the run ends in `error`.
    public var failure: String?

    /// Creates a run.
    public init(number: Int, requestedAt: Date, stopRequestedAt: Date?, imageURI: String, command: String?, debugMode: Bool, failure: String?) {
        self.number = number
        self.requestedAt = requestedAt
        self.stopRequestedAt = stopRequestedAt
        self.imageURI = imageURI
        self.command = command
        self.debugMode = debugMode
        self.failure = failure
    }
}
