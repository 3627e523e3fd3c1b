/// An owner reference resolved against the directory: an org, and an identity in it when the reference named one.
public struct ResolvedOwner: Equatable, Sendable {
    public let org: Org
    /// A user's name or the org's own name; nil when the reference named only the org.
    public let identity: String?
}
