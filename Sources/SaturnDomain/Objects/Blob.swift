/// Bytes the store keeps for object storage, named by the store (on disk, by their SHA-256): an object's content, or
/// a part of an upload. Several objects with the same bytes share one blob.
public struct Blob: Hashable, Sendable {
    /// The store's name for the bytes.
    public let id: String
    /// How many bytes it holds.
    public let size: Int

    /// Names a blob.
    public init(id: String, size: Int) {
        self.id = id
        self.size = size
    }

    /// What a part's upload answers as its `ETag`, and what completing the upload names it by.
    public var etag: String { "\"\(id)\"" }
}
