import FoundationEssentials

/// The store's state as the health answer reports it.
public struct StoreHealth: Sendable, Equatable {
    /// `journal` or `memory`.
    public let kind: String
    /// False once a write failed and could not be cut back: writes fail until a restart.
    public let writable: Bool
    /// Bytes in the journal files not yet compacted.
    public let journalBytes: Int
    /// When the last sync finished; nil before the first.
    public let lastSync: Date?
    /// When `snapshot.json` was last written; nil when there is none.
    public let snapshotWritten: Date?

    /// Creates a report.
    public init(kind: String, writable: Bool, journalBytes: Int, lastSync: Date?, snapshotWritten: Date?) {
        self.kind = kind
        self.writable = writable
        self.journalBytes = journalBytes
        self.lastSync = lastSync
        self.snapshotWritten = snapshotWritten
    }
}
