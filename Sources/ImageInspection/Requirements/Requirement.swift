/// One of the document's *Docker Image Requirements*, as data: what it asks, for which resources and how strongly,
/// which parts of the image it reads, and how it judges them.
public struct Requirement: Sendable {
    /// A short stable name (`jovyan`, `sshd`), for machines.
    public let id: String
    /// What the document asks, in a line.
    public let title: String
    /// For which resources it applies, required or optional.
    public let needs: [(target: CheckTarget, need: Need)]
    /// What it reads of the image.
    let reads: [PathNeed]
    /// How it judges what it read.
    let judge: @Sendable (ImageContents) -> Evidence

    /// How strongly `target` needs it; nil when it does not apply.
    public func need(for target: CheckTarget) -> Need? {
        needs.first { $0.target == target }?.need
    }
}
