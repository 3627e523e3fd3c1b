/// A run's image to pull and check: whose run it is (the tenant, the resource, the run's number), its URI, and what
/// the run starts it for.
public struct PullRequest: Sendable, Hashable {
    public let tenant: String
    public let resourceID: RecordID
    public let run: Int
    public let uri: String
    public let use: ImageUse
}
