/// What pulling a run's image found: the manifest's digest, why it could not be pulled (the registry's answer), or
/// the requirements of the run's use that the image fails, each with its evidence.
public struct PullOutcome: Sendable, Equatable {
    public var digest: String?
    public var failure: String?
    public var unmetRequirements: [String]

    /// An outcome.
    public init(digest: String?, failure: String?, unmetRequirements: [String]) {
        self.digest = digest
        self.failure = failure
        self.unmetRequirements = unmetRequirements
    }
}
