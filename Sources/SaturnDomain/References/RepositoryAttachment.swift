import SaturnJSON

/// A repository attached by id, as Saturn's REST API attaches one (`ExternalRepoAttachmentNested` in
/// `external_repo_attachments`): written into `spec.git_repositories` as a recipe names a repository, by its URL.
public struct RepositoryAttachment: Equatable, Sendable {
    public let repoID: String
    public let path: String?
    public let onRestart: String?
    public let reference: String?
    public let referenceType: String?
    /// The entry's JSON path (`external_repo_attachments[0]`).
    public let jsonPath: String

    /// The attachments of `external_repo_attachments` at `path`; problems recorded.
    public static func read(_ value: JSONValue, path: String, issues: inout ValidationIssues) -> [RepositoryAttachment] {
        guard case let .array(entries) = value else {
            issues.add(path, "must be an array, not \(value.kindName)")
            return []
        }
        return entries.enumerated().compactMap { index, entry in
            guard let fields = JSONFields(entry, path: "\(path)[\(index)]", issues: &issues) else { return nil }
            fields.rejectUnknown(allowed: ["external_repo_id", "path", "on_restart", "ref", "ref_type"], issues: &issues)
            let id = fields.string("external_repo_id", required: true, issues: &issues)
            let path = fields.string("path", issues: &issues)
            let onRestart = fields.oneOf("on_restart", ResourceReferenceReader.onRestartChoices, issues: &issues)
            let reference = fields.string("ref", issues: &issues)
            let referenceType = fields.oneOf("ref_type", ResourceReferenceReader.referenceTypes, issues: &issues)
            return id.map { RepositoryAttachment(repoID: $0, path: path, onRestart: onRestart, reference: reference, referenceType: referenceType, jsonPath: fields.path) }
        }
    }

    /// The `git_repositories` entry of the attachment to the repository at `url` (`ExternalRepoAttachmentRecipe`).
    func recipeEntry(url: String) -> JSONValue {
        var members: [String: JSONValue] = ["url": .string(url)]
        members["path"] = path.map(JSONValue.string)
        members["on_restart"] = onRestart.map(JSONValue.string)
        members["reference"] = reference.map(JSONValue.string)
        members["reference_type"] = referenceType.map(JSONValue.string)
        return .object(members)
    }
}
