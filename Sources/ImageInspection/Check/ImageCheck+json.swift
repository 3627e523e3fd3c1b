import SaturnJSON

/// The check for machines: `{"image", "digest", "platform", "layers", "works_for": {target: bool}, "requirements":
/// [{"id", "title", "verdict", "outcomes": {target: outcome}, "needs": {target: need}, "evidence": [...]}]}`, with
/// the targets asked for.
extension ImageCheck {
    /// Writes the check for `targets` as an object.
    public func writeJSON(to json: inout JSONOutput, for targets: [CheckTarget]) {
        json.object { json in writeMembers(to: &json, for: targets) }
    }

    /// Writes the check's members into the object `json` is writing.
    public func writeMembers(to json: inout JSONOutput, for targets: [CheckTarget]) {
        json.key("image")
        json.string(what)
        json.key("digest")
        json.string(digest)
        json.key("platform")
        json.string(platform)
        json.key("layers")
        json.integer(layerCount)
        json.key("works_for")
        json.object { json in
            for target in targets {
                json.key(target.rawValue)
                json.bool(works(for: target))
            }
        }
        json.key("requirements")
        json.array(results.filter { result in targets.contains { result.requirement.need(for: $0) != nil } }) { json, result in
            json.object { json in
                json.key("id")
                json.string(result.requirement.id)
                json.key("title")
                json.string(result.requirement.title)
                json.key("verdict")
                json.string(result.evidence.verdict.rawValue)
                json.key("outcomes")
                json.object { json in
                    for target in targets {
                        guard let outcome = result.outcome(for: target) else { continue }
                        json.key(target.rawValue)
                        json.string(outcome.rawValue)
                    }
                }
                json.key("needs")
                json.object { json in
                    for target in targets {
                        guard let need = result.requirement.need(for: target) else { continue }
                        json.key(target.rawValue)
                        json.string(need.rawValue)
                    }
                }
                json.key("evidence")
                json.array(result.evidence.lines) { json, line in json.string(line) }
            }
        }
    }
}
