/// Who besides its owner and the org's admins sees a shared folder or a secret: the org's members, or no one
/// (Saturn's `SharedFolderAccessLevel` and `SecretAccessLevel`, the same two levels).
public enum AccessLevel: String, Sendable, CaseIterable {
    case org
    case owner
}
