/// What `POST /api/external_repos` (Saturn's `ExternalRepoCreate`) and `PATCH /api/external_repos/{id}`
/// (`ExternalRepoUpdate`) give, after validation: each given field replaces the repository's.
public struct ExternalRepoDraft: Sendable {
    public var remoteURL: String?
    /// `org/identity`; the caller in its default org when nil. Only a new repository takes one.
    public var owner: OwnerReference?
    /// The secret that holds the SSH key; a nil inside clears it.
    public var sshKeyID: String??

    /// No field given.
    public init() {}
}
