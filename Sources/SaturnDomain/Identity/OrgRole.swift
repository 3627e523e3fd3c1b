/// A user's role in an org.
public enum OrgRole: String, Equatable, Sendable {
    case admin
    case member
}
