/// What an owner keeps and may share with the other members of its org: a shared folder, a secret, an external
/// repository. Who sees it is one rule (`TenantView.sees`): its owner, the org's admins, and the org's members when
/// it is shared.
public protocol Shareable: Sendable {
    var owner: OwnerPath { get }
    /// Whether every member of the owner's org sees it.
    var isSharedWithOrg: Bool { get }
}
