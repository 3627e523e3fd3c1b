/// What one entry of a resource's `secrets`, `shared_folders` or `git_repositories` names (Saturn's
/// `SecretAttachmentRecipe`, `SharedFolderAttachmentRecipe`, `ExternalRepoAttachmentRecipe`), and where the entry
/// stands: each must name something the recipe's owner can see (`TenantView+references`).
public struct ResourceReference: Equatable, Sendable {
    public enum Target: Equatable, Sendable {
        /// A secret by name, of the owner the entry gives, or found among those the recipe's owner sees.
        case secret(name: String, owner: OwnerReference?)
        /// A shared folder by name, found as a secret is.
        case sharedFolder(name: String, owner: OwnerReference?)
        /// An external repository by its remote URL.
        case gitRepository(url: String)
    }

    public let target: Target
    /// The entry's JSON path (`spec.secrets[1]`).
    public let path: String

    /// Creates a reference.
    public init(_ target: Target, at path: String) {
        self.target = target
        self.path = path
    }
}
