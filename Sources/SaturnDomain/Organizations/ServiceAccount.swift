import FoundationEssentials

/// A service account (`/api/service_accounts`): a cloud role that users and groups are entitled to use.
public struct ServiceAccount: Sendable, Equatable {
    public let id: String
    public let name: String
    public let cloudRole: String?
    public let autoAssociate: Bool
    public let createdAt: Date
    /// The identities entitled to it, as `user/<id>` or `group/<id>`, sorted.
    public var associations: [String]

    /// Creates a service account.
    public init(id: String, name: String, cloudRole: String?, autoAssociate: Bool, createdAt: Date, associations: [String]) {
        self.id = id
        self.name = name
        self.cloudRole = cloudRole
        self.autoAssociate = autoAssociate
        self.createdAt = createdAt
        self.associations = associations
    }
}
