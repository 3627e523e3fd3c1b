/// Why the store could not open, load or write.
public enum StoreError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A file exists but cannot be used; nothing was changed on disk.
    case unreadable(file: String, reason: String)
    /// A write did not reach the disk; the transaction is not committed.
    case writeFailed(file: String, reason: String)
    /// Another process holds the data folder.
    case locked(folder: String, pid: String)
    /// The store was closed (the server is stopping): nothing more is written.
    case closed

    public var description: String {
        switch self {
        case let .unreadable(file, reason): return "cannot load \(file): \(reason)"
        case let .writeFailed(file, reason): return "cannot write \(file): \(reason)"
        case let .locked(folder, pid):
            return "the data folder \(folder) is in use by another saturn-mock (pid \(pid)); stop it, or give another --data-dir"
        case .closed: return "the store is closed, since the server is stopping"
        }
    }
}
