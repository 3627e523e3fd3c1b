import FoundationEssentials

/// A multipart upload in progress, as saturnfs drives one: started with a size (or none, for a file written as a
/// stream) and a part size, its parts put to presigned URLs in any order, then completed or cancelled. A copy's parts
/// take their bytes from `copySource`.
public struct ObjectUpload: Sendable, Equatable {
    public let id: String
    public let owner: OwnerPath
    /// Where the file will be.
    public let path: String
    /// The file's size when the upload was started with one.
    public let size: Int?
    public let partSize: Int
    public let createdAt: Date
    public let expiresAt: Date
    public let copySource: ObjectCopySource?
    /// The parts received, by number.
    public var parts: [Int: Blob]

    /// Creates an upload.
    public init(
        id: String, owner: OwnerPath, path: String, size: Int?, partSize: Int, createdAt: Date, expiresAt: Date,
        copySource: ObjectCopySource?, parts: [Int: Blob] = [:]
    ) {
        self.id = id
        self.owner = owner
        self.path = path
        self.size = size
        self.partSize = partSize
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.copySource = copySource
        self.parts = parts
    }

    /// How many parts a file of `size` takes: one at least, for an empty file.
    public var partCount: Int? { size.map { max(1, ($0 + partSize - 1) / partSize) } }

    /// The size of part `number`: the part size, but for the last part of a known size.
    public func size(ofPart number: Int) -> Int {
        guard let size, let partCount, number == partCount else { return partSize }
        return size - (partCount - 1) * partSize
    }

    /// What the upload holds against the storage limit: its size when known, else the bytes received so far.
    public var reservedBytes: Int { size ?? parts.values.reduce(0) { $0 + $1.size } }

    /// The blobs it keeps from the sweep: its parts, and what it copies.
    var blobs: [Blob] { Array(parts.values) + (copySource.map { [$0.blob] } ?? []) }
}
