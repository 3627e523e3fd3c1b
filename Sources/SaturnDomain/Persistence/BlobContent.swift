/// Where a stretch of a blob's bytes can be read: in memory, or a stretch of a file to send from the file.
public enum BlobContent: Sendable, Equatable {
    case bytes([UInt8])
    case file(path: String, offset: Int, count: Int)
}
