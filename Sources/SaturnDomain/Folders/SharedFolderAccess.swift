/// Who sees a shared folder besides its owner and the org's admins (Saturn's `SharedFolderAccessLevel`).
public enum SharedFolderAccess: String, Sendable, CaseIterable {
    case org
    case owner
}
