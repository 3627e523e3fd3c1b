import SaturnJSON

/// Reads the spec of a workspace, job or deployment recipe (Saturn's `WorkspaceSpec`, `JobSpec`, `DeploymentSpec`),
/// naming every problem by its JSON path. The fields the mock acts on are read into the draft; the others are
/// checked for their JSON type (nested objects only for being objects or arrays) and kept as given.
public enum ResourceRecipeReader {
    /// The JSON type a kept field must have.
    private enum Shape {
        case text, optionalText, flag, count, map, optionalMap, object, list
        case choice([String])
    }

    private static let common: [String: Shape] = [
        "description": .text, "tags": .optionalMap, "environment_variables": .map, "working_directory": .text,
        "extra_packages": .object, "config_files": .optionalMap, "start_script": .optionalText, "token_scope": .optionalText,
        "dask_cluster": .object, "git_repositories": .list, "secrets": .list, "shared_folders": .list, "start_dind": .flag,
        "use_spot_instance": .flag,
    ]

    private static let byKind: [ResourceKind: [String: Shape]] = [
        .workspace: common.merging([
            "ide": .choice(["jupyter", "rstudio"]), "disk_space": .text,
            "auto_shutoff": .choice(["1 hour", "6 hours", "24 hours", "3 days", "7 days", "Never"]),
            "start_ssh": .flag, "routes": .list, "viewers": .list, "self_destruct": .flag,
        ]) { $1 },
        .job: common.merging(["scale": .count, "concurrency_policy": .choice(CronSchedule.concurrencyPolicies), "retries": .count]) { $1 },
        .deployment: common.merging(["scale": .count, "start_ssh": .flag, "routes": .list, "viewers": .list]) { $1 },
    ]

    /// The fields every kind reads into the draft, and those only some do.
    private static let readFields: Set<String> = ["name", "owner", "image", "instance_type", "status"]
    private static func commandFields(_ kind: ResourceKind) -> Set<String> {
        switch kind {
        case .workspace: return []
        case .job: return ["command", "schedule"]
        case .deployment: return ["command"]
        }
    }

    /// Every field a spec of `kind` may have.
    static func allowedFields(_ kind: ResourceKind) -> Set<String> {
        readFields.union(commandFields(kind)).union(byKind[kind]!.keys)
    }

    /// The draft of a spec of `kind` at `spec`; nil when a problem was recorded.
    static func read(_ spec: JSONFields, kind: ResourceKind, rejectUnknownFields: Bool, issues: inout ValidationIssues) -> ResourceDraft? {
        if rejectUnknownFields { spec.rejectUnknown(allowed: allowedFields(kind), issues: &issues) }
        let name = spec.recipeName("name", issues: &issues)
        let owner = ModernRecipeReader.ownerReference(spec.values["owner"], path: spec.path("owner"), issues: &issues)
        let image = imageReference(spec.values["image"], path: spec.path("image"), issues: &issues)
        let instanceType = spec.string("instance_type", required: true, issues: &issues)
        let status = spec.oneOf("status", DesiredStatus.allCases.map(\.rawValue), issues: &issues).flatMap(DesiredStatus.init(rawValue:))
        var command: String?
        if kind != .workspace {
            command = spec.string("command", required: true, maxLength: FieldLimits.buildDataValue, issues: &issues)
        }
        let schedule = kind == .job ? spec.cronSchedule("schedule", issues: &issues) : nil
        var settings: [String: JSONValue] = [:]
        for (field, shape) in byKind[kind]! {
            guard let value = spec.values[field] else { continue }
            if check(value, shape, path: spec.path(field), issues: &issues) { settings[field] = value }
            if case let .array(entries) = value, ResourceReferenceReader.fields.contains(field) {
                _ = ResourceReferenceReader.read(field, entries, path: spec.path(field), rejectUnknown: rejectUnknownFields, issues: &issues)
            }
        }
        guard let name, let image, let instanceType else { return nil }
        return ResourceDraft(
            path: spec.path, kind: kind, name: name, owner: owner, image: image, instanceType: instanceType,
            command: command, schedule: schedule, settings: settings, desiredStatus: status
        )
    }

    /// The value of a kept field of a `kind`'s spec when it has the field's shape; nil, with the problem recorded,
    /// when it has not or the field is not one of them.
    public static func setting(_ value: JSONValue, named field: String, kind: ResourceKind, path: String, issues: inout ValidationIssues) -> JSONValue? {
        guard let shape = byKind[kind]?[field] else {
            issues.add(path, "is not a field of a \(kind.rawValue) this call changes")
            return nil
        }
        return check(value, shape, path: path, issues: &issues) ? value : nil
    }

    /// Whether `value` has the shape; records the problem when it has not.
    private static func check(_ value: JSONValue, _ shape: Shape, path: String, issues: inout ValidationIssues) -> Bool {
        let fits: Bool
        let wanted: String
        switch (shape, value) {
        case (.optionalText, .null), (.optionalMap, .null): return true
        case (.text, .string(let text)), (.optionalText, .string(let text)):
            guard text.count <= FieldLimits.buildDataValue else {
                issues.add(path, "is \(text.count) characters long; at most \(FieldLimits.buildDataValue) are allowed")
                return false
            }
            return true
        case (.text, _), (.optionalText, _): (fits, wanted) = (false, "a string")
        case (.flag, .bool): return true
        case (.flag, _): (fits, wanted) = (false, "a boolean")
        case (.count, .number(let number)): (fits, wanted) = (number >= 0 && number == number.rounded() && number <= 1_000, "a whole number from 0 to 1000")
        case (.count, _): (fits, wanted) = (false, "a whole number from 0 to 1000")
        case (.map, .object(let members)), (.optionalMap, .object(let members)):
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                guard case .string = member else {
                    issues.add("\(path).\(key)", "must be a string, not \(member.kindName)")
                    return false
                }
            }
            return true
        case (.map, _), (.optionalMap, _): (fits, wanted) = (false, "an object of strings")
        case (.object, .object): return true
        case (.object, _): (fits, wanted) = (false, "an object")
        case (.list, .array): return true
        case (.list, _): (fits, wanted) = (false, "an array")
        case (.choice(let allowed), .string(let text)):
            (fits, wanted) = (allowed.contains(text), "one of \(allowed.map { "'\($0)'" }.joined(separator: ", "))")
        case (.choice(let allowed), _): (fits, wanted) = (false, "one of \(allowed.map { "'\($0)'" }.joined(separator: ", "))")
        }
        if !fits {
            let given: String
            if case let .string(text) = value { given = "'\(text)'" } else { given = value.kindName }
            issues.add(path, "must be \(wanted), not \(given)")
        }
        return fits
    }

    /// Reads an `ImageTagReference`: `{"tag_id"}`, `{"uri", "owner"?}`, `{"name", "version", "owner"?}` or the string
    /// `[org/identity/]name:version`.
    static func imageReference(_ value: JSONValue?, path: String, issues: inout ValidationIssues) -> ImageTagReference? {
        let forms = "an object with tag_id, with uri, or with name and version, or a string 'name:version' or 'org/identity/name:version'"
        switch value {
        case nil, .null?:
            issues.add(path, "is required: \(forms)")
            return nil
        case let .string(text)?:
            return imagePath(text, path: path, issues: &issues)
        case let .object(members)?:
            guard let fields = JSONFields(.object(members), path: path, issues: &issues) else { return nil }
            fields.rejectUnknown(allowed: ["tag_id", "uri", "name", "version", "owner", "enforce_trusted"], issues: &issues)
            _ = fields.bool("enforce_trusted", issues: &issues)
            let owner = ModernRecipeReader.ownerReference(members["owner"], path: fields.path("owner"), issues: &issues)
            if members["tag_id"] != nil {
                return fields.string("tag_id", required: true, issues: &issues).map(ImageTagReference.tagID)
            }
            if members["uri"] != nil {
                return fields.imageURI("uri", issues: &issues).map { .uri($0, owner: owner) }
            }
            if members["name"] != nil || members["version"] != nil {
                let name = fields.recipeName("name", issues: &issues)
                let version = fields.recipeName("version", issues: &issues)
                guard let name, let version else { return nil }
                return .name(name, version: version, owner: owner)
            }
            issues.add(path, "must be \(forms)")
            return nil
        case let other?:
            issues.add(path, "must be \(forms), not \(other.kindName)")
            return nil
        }
    }

    private static func imagePath(_ text: String, path: String, issues: inout ValidationIssues) -> ImageTagReference? {
        guard let colon = text.lastIndex(of: ":") else {
            issues.add(path, "'\(text)' names no version: write 'name:version' or 'org/identity/name:version'")
            return nil
        }
        let version = String(text[text.index(after: colon)...])
        let parts = text[..<colon].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 1 || parts.count == 3, let name = parts.last,
              RecipeName.isValid(name), RecipeName.isValid(version) else {
            issues.add(path, "'\(text)' is not 'name:version' or 'org/identity/name:version' (names: letters, digits, '-' and '.')")
            return nil
        }
        return .name(name, version: version, owner: parts.count == 3 ? .path("\(parts[0])/\(parts[1])") : nil)
    }
}
