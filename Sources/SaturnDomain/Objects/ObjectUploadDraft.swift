/// What `POST /api/object_storage/upload` asks for: where, how large, in parts of what size, or a copy of what.
public struct ObjectUploadDraft: Sendable {
    public let owner: OwnerReference?
    public let path: String
    public let size: Int?
    public let partSize: Int?
    /// The file to copy, by owner and path.
    public let copySource: (owner: OwnerReference?, path: String)?

    /// Creates a draft.
    public init(owner: OwnerReference?, path: String, size: Int?, partSize: Int?, copySource: (owner: OwnerReference?, path: String)?) {
        self.owner = owner
        self.path = path
        self.size = size
        self.partSize = partSize
        self.copySource = copySource
    }
}
