/// The check as a person reads it: the image, then each requirement that applies to the targets with its outcome,
/// who needs it, and its evidence, then what the image works for.
extension ImageCheck {
    /// The report for `targets`.
    public func text(for targets: [CheckTarget]) -> String {
        var lines = [
            "image \(what)",
            "digest \(digest), \(platform), \(layerCount) layer\(layerCount == 1 ? "" : "s"); checked for \(targets.map(\.title).joined(separator: ", "))",
            "",
        ]
        for result in results {
            let outcomes = targets.compactMap { result.outcome(for: $0) }
            guard let worst = outcomes.max() else { continue }
            let label = switch worst {
            case .pass: "pass"
            case .warning: "warn"
            case .fail: "FAIL"
            }
            lines.append("\(label)  \(result.requirement.title)  [\(needs(of: result.requirement, among: targets))]")
            lines += result.evidence.lines.map { "      " + $0 }
        }
        lines.append("")
        lines.append("works for: " + targets.map { "\($0.title) \(works(for: $0) ? "✓" : "✗")" }.joined(separator: " · "))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `required for jobs, deployments; optional for Jupyter`.
    private func needs(of requirement: Requirement, among targets: [CheckTarget]) -> String {
        [Need.required, .optional].compactMap { need in
            let which = targets.filter { requirement.need(for: $0) == need }
            return which.isEmpty ? nil : "\(need.rawValue) for \(which.map(\.title).joined(separator: ", "))"
        }.joined(separator: "; ")
    }
}
