/// The bounds of object storage (README "Object storage"), so that nothing is stored without bound. The bytes of
/// a tenant's files and uploads are bounded by `TenantSettings.maxObjectBytes` (`--max-object-bytes`).
public enum ObjectLimits {
    /// The smallest part but the last, as S3 (and saturnfs, `S3_MIN_PART_SIZE`) has it.
    public static let minPartBytes = 5 * 1024 * 1024
    /// The largest part: a part's body is held in memory while it arrives (S3 allows 5 GiB).
    public static let maxPartBytes = 64 * 1024 * 1024
    /// Parts of one upload, as S3 allows.
    public static let maxParts = 10_000
    /// A file path, in UTF-8 bytes, as an S3 key.
    public static let pathBytes = 1_024
    /// Files a tenant holds.
    public static let maxFiles = 100_000
    /// Uploads in progress at once in a tenant.
    public static let maxUploads = 1_000
    /// The most files or owners one page of a listing holds, and the most paths one bulk call names.
    public static let pageSize = 1_000
    /// How long a presigned URL works, by the tenant's clock.
    public static let urlSeconds = 3_600
    /// How long an upload may stay in progress.
    public static let uploadSeconds = 7 * 24 * 3_600
    /// The default limit of a tenant's object storage: 1 GiB.
    public static let defaultMaxBytes = 1024 * 1024 * 1024
}
