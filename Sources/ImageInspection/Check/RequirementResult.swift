/// One requirement judged on one image.
public struct RequirementResult: Sendable {
    public let requirement: Requirement
    public let evidence: Evidence

    /// The outcome for `target`: `pass` when met; `warning` when an equivalent was found, or an optional one is
    /// unmet; `fail` when a required one is unmet. Nil when the requirement does not apply to `target`.
    public func outcome(for target: CheckTarget) -> Outcome? {
        guard let need = requirement.need(for: target) else { return nil }
        switch evidence.verdict {
        case .met: return .pass
        case .equivalent: return .warning
        case .unmet: return need == .required ? .fail : .warning
        }
    }

    /// The requirement and its evidence in a line: `sshd installed: usr/sbin/sshd is not in the image`.
    public var line: String {
        "\(requirement.title): \(evidence.lines.joined(separator: "; "))"
    }
}
