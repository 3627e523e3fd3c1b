/// An image checked against the document's requirements: what it is, and each requirement with its evidence.
public struct ImageCheck: Sendable {
    /// What was asked for.
    public let what: String
    /// The manifest's digest (a `docker save` archive's configuration digest).
    public let digest: String
    public let platform: String
    public let layerCount: Int
    /// Every requirement, in the document's order.
    public let results: [RequirementResult]

    /// The worst outcome of the requirements that apply to `target`.
    public func outcome(for target: CheckTarget) -> Outcome {
        results.compactMap { $0.outcome(for: target) }.max() ?? .pass
    }

    /// Whether an image passes every requirement `target` needs.
    public func works(for target: CheckTarget) -> Bool {
        outcome(for: target) != .fail
    }

    /// The requirements `target` needs that the image fails, each with its evidence.
    public func failures(for target: CheckTarget) -> [RequirementResult] {
        results.filter { $0.outcome(for: target) == .fail }
    }
}
