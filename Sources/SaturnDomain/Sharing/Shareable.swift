import FoundationEssentials

/// What an owner keeps by name and may share with the other members of its org: a shared folder, a secret, an
/// external repository. Who sees it is one rule (`TenantView.sees`): its owner, the org's admins, and the org's
/// members when its access is `org`.
public protocol Shareable: Sendable {
    /// The entity family it is kept in.
    static var family: EntityFamily { get }
    /// It, when the entity holds one.
    static func held(in entity: Entity) -> Self?
    /// The entity that holds it.
    var entity: Entity { get }
    var id: String { get }
    var owner: OwnerPath { get }
    var name: String { get }
    var createdAt: Date { get }
    /// Who besides its owner and the org's admins sees it.
    var access: AccessLevel { get }
}
