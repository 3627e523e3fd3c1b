import FoundationEssentials

/// What `POST /_mock/clock` asks of a tenant's clock: freeze it (at an instant, or where it stands), move it, let it
/// run on.
public struct ClockChange: Sendable {
    /// Freeze the clock here.
    public var freezeAt: Date?
    /// Freeze the clock where it stands (with `freezeAt` nil).
    public var freeze = false
    /// Seconds to move it by, after freezing; negative moves it back.
    public var advance: TimeInterval = 0
    /// Let it run on from where it ends up.
    public var run = false

    /// No change.
    public init() {}
}
