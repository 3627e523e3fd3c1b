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
    /// Why the image cannot be pulled, found when the run was asked for: the run ends in `error`.
    public var failure: String?

    /// Creates a run.
    public init(number: Int, requestedAt: Date, stopRequestedAt: Date?, imageURI: String, command: String?, debugMode: Bool, failure: String?) {
        self.number = number
        self.requestedAt = requestedAt
        self.stopRequestedAt = stopRequestedAt
        self.imageURI = imageURI
        self.command = command
        self.debugMode = debugMode
        self.failure = failure
    }
}
