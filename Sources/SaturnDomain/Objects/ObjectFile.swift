import FoundationEssentials

/// A file of an owner's object storage (`sfs://org/identity/path`): its bytes are a blob, kept beside the journal,
/// which records only this.
public struct ObjectFile: Sendable, Equatable {
    public let owner: OwnerPath
    /// The file's path in the owner's storage, without a leading slash (`data/train.csv`).
    public let path: String
    public let blob: Blob
    public let createdAt: Date
    public let updatedAt: Date

    /// Creates a file.
    public init(owner: OwnerPath, path: String, blob: Blob, createdAt: Date, updatedAt: Date) {
        self.owner = owner
        self.path = path
        self.blob = blob
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Its entity id: one file per owner and path.
    public var id: String { Self.id(owner: owner, path: path) }

    /// The entity id of the file at `path` of `owner`.
    public static func id(owner: OwnerPath, path: String) -> String { "\(owner)/\(path)" }
}
