import FoundationEssentials

/// An external git repository (`/api/external_repos`): a remote URL an owner keeps, which the resources of the
/// owner's org name in `spec.git_repositories`, optionally with a secret holding the SSH key that pulls it.
public struct ExternalRepo: Shareable, Equatable {
    public let id: String
    public let owner: OwnerPath
    public let createdAt: Date
    public var remoteURL: String
    /// The secret that holds the SSH private key that pulls the repository.
    public var sshKeyID: String?

    /// Creates a repository.
    public init(id: String, owner: OwnerPath, createdAt: Date, remoteURL: String, sshKeyID: String?) {
        self.id = id
        self.owner = owner
        self.createdAt = createdAt
        self.remoteURL = remoteURL
        self.sshKeyID = sshKeyID
    }

    public static let family = EntityFamily.externalRepo

    public static func held(in entity: Entity) -> ExternalRepo? {
        if case let .externalRepo(repo) = entity { return repo }
        return nil
    }

    public var entity: Entity { .externalRepo(self) }

    /// The folder git clones it into (`GitRemote.cloneName`).
    public var name: String { GitRemote.cloneName(of: remoteURL) }

    /// Saturn keeps no access level for a repository: one the org itself owns is its members', any other its
    /// owner's.
    public var access: AccessLevel { owner.identity == owner.org ? .org : .owner }
}
