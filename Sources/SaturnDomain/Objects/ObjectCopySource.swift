/// The file an upload copies (`copy_source`): its owner and path, and its bytes as they were when the copy started.
public struct ObjectCopySource: Sendable, Equatable {
    public let owner: OwnerPath
    public let path: String
    public let blob: Blob

    /// Creates a source.
    public init(owner: OwnerPath, path: String, blob: Blob) {
        self.owner = owner
        self.path = path
        self.blob = blob
    }
}
