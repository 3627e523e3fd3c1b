import SaturnJSON

/// Reads the entries of a resource spec's `secrets`, `shared_folders` and `git_repositories` as Saturn's recipe
/// schemas give them, naming every problem by its path; the entries themselves are kept as given.
public enum ResourceReferenceReader {
    /// The spec fields that hold references.
    public static let fields = ["git_repositories", "secrets", "shared_folders"]
    /// What a repository's `on_restart` may be.
    static let onRestartChoices = ["preserve changes", "reclone"]
    /// What a repository's `reference_type` may be.
    static let referenceTypes = ["branch", "commit", "tag"]

    /// The references of one field's `entries`, the field at `path` (`spec.secrets`); an entry with a problem names
    /// nothing, and the problem is recorded.
    static func read(_ field: String, _ entries: [JSONValue], path: String, rejectUnknown: Bool, issues: inout ValidationIssues) -> [ResourceReference] {
        entries.enumerated().compactMap { index, entry in
            guard let fields = JSONFields(entry, path: "\(path)[\(index)]", issues: &issues) else { return nil }
            switch field {
            case "secrets": return secret(fields, rejectUnknown: rejectUnknown, issues: &issues)
            case "shared_folders": return sharedFolder(fields, rejectUnknown: rejectUnknown, issues: &issues)
            default: return gitRepository(fields, rejectUnknown: rejectUnknown, issues: &issues)
            }
        }
    }

    /// Every reference of a spec's settings, the spec at `path` (empty for a REST body). An entry that is none (one
    /// stored before the mock read them) names nothing.
    public static func all(in settings: [String: JSONValue], path: String) -> [ResourceReference] {
        var ignored = ValidationIssues()
        return fields.flatMap { field -> [ResourceReference] in
            guard case let .array(entries)? = settings[field] else { return [] }
            return read(field, entries, path: path.isEmpty ? field : "\(path).\(field)", rejectUnknown: false, issues: &ignored)
        }
    }

    /// `SecretAttachmentRecipe`; the mock needs the `name` Saturn's schema leaves optional, to know which secret.
    private static func secret(_ fields: JSONFields, rejectUnknown: Bool, issues: inout ValidationIssues) -> ResourceReference? {
        if rejectUnknown { fields.rejectUnknown(allowed: ["name", "owner", "location", "attachment_type", "description"], issues: &issues) }
        _ = fields.string("location", required: true, issues: &issues)
        _ = fields.oneOf("attachment_type", ["environment_variable", "file"], required: true, issues: &issues)
        _ = fields.string("description", maxLength: 2_048, issues: &issues)
        let owner = ModernRecipeReader.ownerReference(fields.values["owner"], path: fields.path("owner"), issues: &issues)
        return fields.string("name", required: true, issues: &issues).map { ResourceReference(.secret(name: $0, owner: owner), at: fields.path) }
    }

    /// `SharedFolderAttachmentRecipe`.
    private static func sharedFolder(_ fields: JSONFields, rejectUnknown: Bool, issues: inout ValidationIssues) -> ResourceReference? {
        if rejectUnknown { fields.rejectUnknown(allowed: ["name", "owner", "path"], issues: &issues) }
        _ = fields.string("path", issues: &issues)
        let owner = ModernRecipeReader.ownerReference(fields.values["owner"], path: fields.path("owner"), issues: &issues)
        return fields.string("name", required: true, issues: &issues).map { ResourceReference(.sharedFolder(name: $0, owner: owner), at: fields.path) }
    }

    /// `ExternalRepoAttachmentRecipe`.
    private static func gitRepository(_ fields: JSONFields, rejectUnknown: Bool, issues: inout ValidationIssues) -> ResourceReference? {
        if rejectUnknown { fields.rejectUnknown(allowed: ["url", "path", "on_restart", "reference", "reference_type", "public"], issues: &issues) }
        _ = fields.string("path", issues: &issues)
        _ = fields.oneOf("on_restart", onRestartChoices, issues: &issues)
        _ = fields.string("reference", issues: &issues)
        _ = fields.oneOf("reference_type", referenceTypes, issues: &issues)
        _ = fields.bool("public", issues: &issues)
        return fields.gitRemote("url", required: true, issues: &issues).map { ResourceReference(.gitRepository(url: $0), at: fields.path) }
    }
}
