import FoundationEssentials
import Synchronization

/// A tenant's idea of now: the system's time, shifted by what `advance` added, or frozen at an instant
/// (`--clock`, `POST /_mock/clock`). Token expiry reads it.
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
        mode.withLock { mode in
            switch mode {
            case let .running(offset): return Date().addingTimeInterval(offset)
            case let .frozen(instant): return instant
            }
        }
    }

    /// True while the clock stands still.
    public var isFrozen: Bool {
        mode.withLock { mode in
            if case .frozen = mode { return true }
            return false
        }
    }

    /// Freezes the clock at `instant`.
    public func freeze(at instant: Date) {
        mode.withLock { $0 = .frozen(instant) }
    }

    /// Moves the clock forward (or back, for a negative interval), frozen or running.
    public func advance(by seconds: TimeInterval) {
        mode.withLock { mode in
            switch mode {
            case let .running(offset): mode = .running(offset: offset + seconds)
            case let .frozen(instant): mode = .frozen(instant.addingTimeInterval(seconds))
            }
        }
    }

    /// Lets a frozen clock run on from where it stands.
    public func run() {
        mode.withLock { mode in
            if case let .frozen(instant) = mode { mode = .running(offset: instant.timeIntervalSince(Date())) }
        }
    }
}
