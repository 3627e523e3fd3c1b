import SaturnJSON

/// Reads a modern recipe (`{"schema_version", "type", "spec", "state"}`) into a draft of its type: images here,
/// workspaces, jobs and deployments in `ResourceRecipeReader`.
public enum ModernRecipeReader {
    /// The modern schema versions the mock accepts.
    public static let schemaVersions = ["2025.10.01"]

    /// Validates the body; `rejectUnknownFields` mirrors `?enforce_unknown=` (true unless the caller says false).
    public static func read(_ body: JSONValue, rejectUnknownFields: Bool) throws(DomainError) -> RecipeDraft {
        var issues = ValidationIssues()
        let draft = read(body, rejectUnknownFields: rejectUnknownFields, issues: &issues)
        guard issues.isEmpty, let draft else { throw .invalid(issues) }
        return draft
    }

    private static func read(_ body: JSONValue, rejectUnknownFields: Bool, issues: inout ValidationIssues) -> RecipeDraft? {
        guard let recipe = JSONFields(body, path: "", issues: &issues) else { return nil }
        if rejectUnknownFields { recipe.rejectUnknown(allowed: ["schema_version", "type", "spec", "state"], issues: &issues) }
        if let version = recipe.string("schema_version", issues: &issues), !schemaVersions.contains(version) {
            issues.add("schema_version", "unsupported schema_version '\(version)'; accepted: \(schemaVersions.joined(separator: ", "))")
        }
        let type = recipe.oneOf("type", RecipeType.names, required: true, issues: &issues).flatMap(RecipeType.init(rawValue:))
        guard let specValue = recipe.values["spec"] else {
            issues.add("spec", "is required")
            return nil
        }
        guard let spec = JSONFields(specValue, path: "spec", issues: &issues), let type else { return nil }
        if let kind = ResourceKind(type) {
            return ResourceRecipeReader.read(spec, kind: kind, rejectUnknownFields: rejectUnknownFields, issues: &issues).map(RecipeDraft.resource)
        }
        if rejectUnknownFields {
            spec.rejectUnknown(allowed: ["name", "owner", "description", "versions", "hardware_type", "supports", "access"], issues: &issues)
        }
        let name = spec.recipeName("name", issues: &issues)
        let owner = ownerReference(spec.values["owner"], path: spec.path("owner"), issues: &issues)
        let description = spec.string("description", issues: &issues)
        let hardware = spec.oneOf("hardware_type", HardwareType.allCases.map(\.rawValue), issues: &issues)
        let supports = spec.strings("supports", issues: &issues)
        let access = spec.oneOf("access", RecipeAccess.allCases.map(\.rawValue), issues: &issues)
        var versions: [VersionDraft] = []
        for (index, item) in (spec.array("versions", issues: &issues) ?? []).enumerated() {
            if let version = readVersion(item, path: "spec.versions[\(index)]", rejectUnknownFields: rejectUnknownFields, issues: &issues) {
                versions.append(version)
            }
        }
        issues.rejectDuplicateNames(versions)
        guard let name else { return nil }
        return .image(ImageDraft(
            path: "spec",
            name: name,
            owner: owner,
            description: description,
            hardwareType: hardware.flatMap(HardwareType.init(rawValue:)),
            supports: supports,
            access: access.flatMap(RecipeAccess.init(rawValue:)),
            versions: versions
        ))
    }

    private static func readVersion(_ value: JSONValue, path: String, rejectUnknownFields: Bool, issues: inout ValidationIssues) -> VersionDraft? {
        guard let fields = JSONFields(value, path: path, issues: &issues) else { return nil }
        if rejectUnknownFields {
            fields.rejectUnknown(allowed: ["name", "image_uri", "description", "archived", "build_data"], issues: &issues)
        }
        let name = fields.recipeName("name", issues: &issues)
        let uri = fields.imageURI("image_uri", issues: &issues)
        let description = fields.string("description", issues: &issues)
        let archived = fields.bool("archived", issues: &issues)
        let buildData = fields.stringMap("build_data", maxLength: FieldLimits.buildDataValue, issues: &issues)
        guard let name, let uri else { return nil }
        return VersionDraft(path: path, name: name, imageURI: uri, description: description, archived: archived, buildData: buildData)
    }

    /// Reads an OwnerReference: a path string, `{"name"}`, `{"id"}` or one of `{"user_id"|"group_id"|"org_id"}`.
    public static func ownerReference(_ value: JSONValue?, path: String, issues: inout ValidationIssues) -> OwnerReference? {
        switch value {
        case nil, .null?:
            return nil
        case let .string(text)?:
            return ownerPath(text, path: path, issues: &issues)
        case let .object(fields)?:
            let given = fields.filter { $0.value != .null }
            guard given.count == 1, let (key, field) = given.first, case let .string(text) = field else {
                issues.add(path, "must be \"org/identity\" or an object with exactly one string field of name, id, user_id, group_id, org_id")
                return nil
            }
            switch key {
            case "name": return ownerPath(text, path: "\(path).name", issues: &issues)
            case "id": return .id(text)
            case "user_id": return .userID(text)
            case "group_id": return .groupID(text)
            case "org_id": return .orgID(text)
            default:
                issues.add("\(path).\(key)", "unknown field (allowed: group_id, id, name, org_id, user_id)")
                return nil
            }
        case let other?:
            issues.add(path, "must be a string or an object, not \(other.kindName)")
            return nil
        }
    }

    /// Checks an owner path string against OwnerByPath.
    static func ownerPath(_ text: String, path: String, issues: inout ValidationIssues) -> OwnerReference? {
        guard OwnerPath.parts(of: text) != nil else {
            issues.add(path, "'\(text)' is not an owner of the form org/identity (\(OwnerName.rule))")
            return nil
        }
        return .path(text)
    }
}
