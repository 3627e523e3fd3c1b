import SaturnJSON

/// Reads a legacy recipe set (`{"images": [...]}`, schema 2022.03.01 to 2022.08.01) into modern `ImageDraft`s.
public enum LegacySetReader {
    /// The legacy schema versions the mock accepts, oldest first.
    public static let schemaVersions = ["2022.03.01", "2022.04.01", "2022.05.01", "2022.06.01", "2022.07.01", "2022.08.01"]
    /// The first legacy schema whose `visibility` may be `account`.
    static let accountVisibilitySince = "2022.08.01"
    static let supportsValues = ["rstudio-opensource", "rstudio-workbench", "jupyterlab", "dask"]
    static let buildDataStrings = ["base_image_uri", "pip_requirements", "conda_environment", "apt_packages", "post_build"]

    /// Validates a whole set; any problem in any image refuses the whole set.
    public static func read(_ body: JSONValue) throws(DomainError) -> [ImageDraft] {
        var issues = ValidationIssues()
        var drafts: [ImageDraft] = []
        if let set = JSONFields(body, path: "", issues: &issues) {
            set.rejectUnknown(allowed: ["images", "resources", "templates", "name", "description", "schema_version"], issues: &issues)
            _ = set.string("name", issues: &issues)
            _ = set.string("description", issues: &issues)
            if let version = set.string("schema_version", issues: &issues) {
                checkSchemaVersion(version, path: "schema_version", issues: &issues)
            }
            for key in ["resources", "templates"] where !(set.array(key, issues: &issues) ?? []).isEmpty {
                issues.add(key, "saturn-mock imports images only; \(key) in a set are not supported")
            }
            let images = set.array("images", required: true, issues: &issues) ?? []
            for (index, item) in images.enumerated() {
                if let draft = readImage(item, path: "images[\(index)]", issues: &issues) { drafts.append(draft) }
            }
            var seen: Set<String> = []
            for draft in drafts where !seen.insert(draft.name).inserted {
                issues.add("\(draft.path).name", "image '\(draft.name)' is given more than once in this set")
            }
        }
        try issues.throwIfAny()
        return drafts
    }

    private static func checkSchemaVersion(_ version: String, path: String, issues: inout ValidationIssues) {
        if !schemaVersions.contains(version) {
            issues.add(path, "unsupported schema_version '\(version)'; accepted: \(schemaVersions.joined(separator: ", "))")
        }
    }

    private static func readImage(_ value: JSONValue, path: String, issues: inout ValidationIssues) -> ImageDraft? {
        guard let image = JSONFields(value, path: path, issues: &issues) else { return nil }
        image.rejectUnknown(
            allowed: ["name", "description", "owner", "visibility", "hardware_type", "supports", "versions", "schema_version"],
            issues: &issues
        )
        let schemaVersion = image.string("schema_version", required: true, issues: &issues)
        if let schemaVersion { checkSchemaVersion(schemaVersion, path: image.path("schema_version"), issues: &issues) }
        let name = image.recipeName("name", issues: &issues)
        let description = image.string("description", issues: &issues)
        let owner = image.string("owner", issues: &issues).flatMap {
            ModernRecipeReader.ownerPath($0, path: image.path("owner"), issues: &issues)
        }
        var visibility = image.oneOf("visibility", RecipeAccess.allCases.map(\.rawValue), issues: &issues)
        if visibility == RecipeAccess.account.rawValue, let schemaVersion, schemaVersion < accountVisibilitySince {
            issues.add(image.path("visibility"), "'account' needs schema_version \(accountVisibilitySince) or later (this image says \(schemaVersion))")
            visibility = nil
        }
        let hardware = image.oneOf("hardware_type", ["cpu", "gpu"], required: true, issues: &issues)
        let supports = image.strings("supports", allowed: supportsValues, issues: &issues)
        var versions: [VersionDraft] = []
        for (index, item) in (image.array("versions", required: true, issues: &issues) ?? []).enumerated() {
            if let version = readVersion(item, path: "\(image.path("versions"))[\(index)]", issues: &issues) {
                versions.append(version)
            }
        }
        issues.rejectDuplicateNames(versions)
        guard let name else { return nil }
        return ImageDraft(
            path: path,
            name: name,
            owner: owner,
            description: description,
            hardwareType: hardware.map { $0 == "gpu" ? .nvidia : .cpu },
            supports: supports,
            access: visibility.flatMap(RecipeAccess.init(rawValue:)),
            versions: versions
        )
    }

    private static func readVersion(_ value: JSONValue, path: String, issues: inout ValidationIssues) -> VersionDraft? {
        guard let version = JSONFields(value, path: path, issues: &issues) else { return nil }
        version.rejectUnknown(allowed: ["name", "description", "build_data", "archived", "image_uri"], issues: &issues)
        let name = version.recipeName("name", issues: &issues)
        let description = version.string("description", issues: &issues)
        let archived = version.bool("archived", issues: &issues)
        let buildData = readBuildData(version.values["build_data"], path: version.path("build_data"), issues: &issues)
        var uri: String?
        switch version.values["image_uri"] {
        case nil:
            issues.add(version.path("image_uri"), "is required")
        case .null?:
            issues.add(version.path("image_uri"), "is null, which asks Saturn to build the image; saturn-mock imports existing images only, so give the image's URI")
        default:
            uri = version.imageURI("image_uri", issues: &issues)
        }
        guard let name, let uri else { return nil }
        return VersionDraft(path: path, name: name, imageURI: uri, description: description, archived: archived, buildData: buildData)
    }

    /// Legacy build data, with `use_mamba` turned into the string the modern API carries.
    private static func readBuildData(_ value: JSONValue?, path: String, issues: inout ValidationIssues) -> [String: String]? {
        guard let value, value != .null, let build = JSONFields(value, path: path, issues: &issues) else { return nil }
        build.rejectUnknown(allowed: Set(buildDataStrings + ["use_mamba"]), issues: &issues)
        var result: [String: String] = [:]
        if build.values["base_image_uri"] == nil { issues.add(build.path("base_image_uri"), "is required") }
        for key in buildDataStrings {
            result[key] = build.string(key, maxLength: FieldLimits.buildDataValue, issues: &issues)
        }
        result["use_mamba"] = build.bool("use_mamba", issues: &issues).map { $0 ? "true" : "false" }
        return result
    }
}
