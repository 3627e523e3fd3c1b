import FoundationEssentials

/// A usage limit of an org (`/api/limits`, Saturn's `UsageLimits`): what its members may run and store. Every cap is
/// optional; nil means no limit.
public struct UsageLimit: Sendable, Equatable {
    public let id: String
    public let orgID: String
    public var name: String
    /// The org's default limit: one at most per org.
    public var isDefault: Bool
    public let createdAt: Date
    public var instanceSizes: [String]?
    public var resourceTypes: [String]?
    /// The whole-number caps by their wire names (`UsageLimit.amountNames`).
    public var amounts: [String: Int]

    /// The whole-number caps Saturn's `UsageLimits` has, in its order.
    public static let amountNames = [
        "num_instances", "auto_shutoff", "storage_in_gb", "num_shared_folders", "object_storage_bytes", "object_storage_count",
        "hours_per_day", "hours_per_month", "hours_forever",
    ]

    /// Creates a limit.
    public init(
        id: String, orgID: String, name: String, isDefault: Bool, createdAt: Date, instanceSizes: [String]?, resourceTypes: [String]?,
        amounts: [String: Int]
    ) {
        self.id = id
        self.orgID = orgID
        self.name = name
        self.isDefault = isDefault
        self.createdAt = createdAt
        self.instanceSizes = instanceSizes
        self.resourceTypes = resourceTypes
        self.amounts = amounts
    }
}
