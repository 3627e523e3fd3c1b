import FoundationEssentials

/// Compute used on one day, of one size and resource type (Saturn's `DailyUsage`): the hours each run was running
/// that day, times the size's cores. The mock knows no prices: dollars are 0.
public struct DailyUsage: Sendable, Equatable {
    /// The UTC day, `YYYY-MM-DD`.
    public let date: String
    public let hours: Double
    public let instanceType: String
    public let resourceType: String
}
