import FoundationEssentials
import Synchronization

/// A tenant's idea of now: the system's time, shifted by what `advance` added, or frozen at an instant
/// (`--clock`, `POST /_mock/clock`), never outside `UTCTimestamp.range`. Token expiry and the lifecycle read it.
public final class TenantClock: Sendable {
    private enum Mode {
        case running(offset: TimeInterval)
        case frozen(Date)
    }

    private let mode: Mutex<Mode>

    /// A clock frozen at `frozenAt`, or the system's when nil.
    public init(frozenAt: Date?) {
        mode = Mutex(frozenAt.map(Mode.frozen) ?? .running(offset: 0))
    }

    /// The current instant.
    public func now() -> Date {
        mode.withLock { Self.instant(of: $0) }
    }

    /// True while the clock stands still.
    public var isFrozen: Bool {
        mode.withLock { mode in
            if case .frozen = mode { return true }
            return false
        }
    }

    /// Changes the clock as `POST /_mock/clock` asks, all at once or not at all: refused when it would leave
    /// `UTCTimestamp.range`.
    public func apply(_ change: ClockChange) throws(DomainError) {
        try mode.withLock { mode throws(DomainError) in
            let start = change.freezeAt ?? Self.instant(of: mode)
            let moved = start.addingTimeInterval(change.advance)
            guard UTCTimestamp.range.contains(moved) else {
                let side = moved < UTCTimestamp.range.lowerBound ? "before 0001-01-01T00:00:00Z" : "past 9999-12-31T23:59:59Z"
                throw .invalid(at: "advance_seconds", "would move the clock \(side), outside the times the mock keeps")
            }
            switch mode {
            case let .running(offset) where change.freezeAt == nil && !change.freeze:
                mode = .running(offset: offset + change.advance)
            default:
                mode = .frozen(moved)
            }
            if change.run, case let .frozen(instant) = mode { mode = .running(offset: instant.timeIntervalSince(Date())) }
        }
    }

    private static func instant(of mode: Mode) -> Date {
        switch mode {
        case let .running(offset): return Date().addingTimeInterval(offset)
        case let .frozen(instant): return instant
        }
    }
}
