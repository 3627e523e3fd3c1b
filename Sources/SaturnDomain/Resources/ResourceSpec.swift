import FoundationEssentials
import SaturnJSON

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
    /// stop at `now` if it was still active. A URI that breaks the registry grammar makes the run fail its pull;
    /// with `pulling` (`serve --registry`), any other waits, pending, for its pull to be recorded (`Tenant+pulls`).
    func starting(uri: String, debugMode: Bool, at now: Date, timing: ResourceTiming, pulling: Bool) -> ResourceSpec {
        var started = self
        if var previous = lifecycle.current {
            if status(at: now, timing: timing).isActive { previous.stopRequestedAt = now }
            started.lifecycle.history = Array(([previous] + lifecycle.history).prefix(Lifecycle.historyLimit))
        }
        let failure = ImageReference.grammarProblem(in: uri).map { "'\(uri)' breaks the registry reference grammar: \($0)" }
        started.lifecycle.current = ResourceRun(
            number: (lifecycle.current?.number ?? 0) + 1, requestedAt: now, stopRequestedAt: nil, imageURI: uri,
            command: command, debugMode: debugMode, failure: failure, awaitingPull: pulling && failure == nil
        )
        return started
    }
}
