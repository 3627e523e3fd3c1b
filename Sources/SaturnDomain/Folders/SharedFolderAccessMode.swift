/// How a shared folder is mounted (Saturn's `SharedAccessMode`).
public enum SharedFolderAccessMode: String, Sendable, CaseIterable {
    case readOnlyMany = "ReadOnlyMany"
    case readWriteMany = "ReadWriteMany"
}
