/// What a tenant's object storage holds against its limits (`GET /api/object_storage/usage`): the whole
/// installation's, since `--max-object-bytes` bounds the tenant.
public struct ObjectUsage: Sendable, Equatable {
    public let usedBytes: Int
    public let reservedBytes: Int
    public let fileCount: Int
    public let activeUploads: Int
    public let maxBytes: Int

    /// The bytes a new upload may still take.
    public var remainingBytes: Int { maxBytes - usedBytes - reservedBytes }
}
