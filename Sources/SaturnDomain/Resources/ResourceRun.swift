import FoundationEssentials

/// One start of a resource: one pod, with what it pulled and ran, for its status, its pod and its logs.
public struct ResourceRun: Equatable, Sendable {
    /// 1 for the first start, counting up; part of the pod's name.
    public var number: Int
    public var requestedAt: Date
    public var stopRequestedAt: Date?
    public var imageURI: String
    public var command: String?
    public var debugMode: Bool
    /// Why the image cannot be pulled, found when the run was asked for or when the registry answered: the run ends
    /// in `error`.
    public var failure: String?
    /// Whether the image is still being pulled and checked (`serve --registry`): the run stays `pending` until the
    /// outcome is recorded.
    public var awaitingPull: Bool
    /// When the pull's outcome was recorded; the run is not ready before it.
    public var pulledAt: Date?
    /// The digest of the manifest pulled.
    public var imageDigest: String?
    /// The requirements of what the run starts that the pulled image fails, each with its evidence: the container
    /// cannot start, and the run ends in `error`.
    public var unmetRequirements: [String]

    /// Creates a run.
    public init(
        number: Int, requestedAt: Date, stopRequestedAt: Date?, imageURI: String, command: String?, debugMode: Bool, failure: String?,
        awaitingPull: Bool = false, pulledAt: Date? = nil, imageDigest: String? = nil, unmetRequirements: [String] = []
    ) {
        self.number = number
        self.requestedAt = requestedAt
        self.stopRequestedAt = stopRequestedAt
        self.imageURI = imageURI
        self.command = command
        self.debugMode = debugMode
        self.failure = failure
        self.awaitingPull = awaitingPull
        self.pulledAt = pulledAt
        self.imageDigest = imageDigest
        self.unmetRequirements = unmetRequirements
    }

    /// Whether the run ends in `error` once it is ready: its image could not be pulled, or fails a requirement.
    public var fails: Bool { failure != nil || !unmetRequirements.isEmpty }
}
