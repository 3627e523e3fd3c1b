import SaturnDomain

/// Reads what object storage's bodies name: a file by `file_path` and its owner, which saturnfs gives as
/// `owner_name` ("org/identity") and Saturn's spec as `owner` (an OwnerReference); either is read, not both.
enum ObjectBodyReader {
    /// The owner the fields name; nil when they name none.
    static func owner(in fields: JSONFields, issues: inout ValidationIssues) -> OwnerReference? {
        let given = ["owner_name", "owner"].filter { fields.values[$0].map { $0 != .null } ?? false }
        if given.count > 1 { issues.add(fields.path("owner"), "give owner_name or owner, not both") }
        guard let key = given.first else { return nil }
        return ModernRecipeReader.ownerReference(fields.values[key], path: fields.path(key), issues: &issues)
    }

    /// A file path the fields give under `key`, checked against `ObjectPath`.
    static func path(_ key: String, in fields: JSONFields, issues: inout ValidationIssues) -> String? {
        guard let path = fields.string(key, required: true, maxLength: ObjectLimits.pathBytes, issues: &issues) else { return nil }
        ObjectPath.check(path, at: fields.path(key), issues: &issues)
        return path
    }

    /// `file_paths` of a bulk call: 1 to 1,000 paths. They are not held to `ObjectPath`: saturnfs's recursive `rm`
    /// names folders too (`data/`), which are simply no file.
    static func paths(in fields: JSONFields, issues: inout ValidationIssues) -> [String] {
        guard let items = fields.array("file_paths", required: true, issues: &issues) else { return [] }
        if items.isEmpty || items.count > ObjectLimits.pageSize {
            issues.add(fields.path("file_paths"), "names \(items.count) paths; give 1 to \(ObjectLimits.pageSize)")
        }
        return items.enumerated().compactMap { index, item -> String? in
            guard case let .string(path) = item, path.utf8.count <= ObjectLimits.pathBytes else {
                issues.add("\(fields.path("file_paths"))[\(index)]", "must be a string of at most \(ObjectLimits.pathBytes) bytes")
                return nil
            }
            return path
        }
    }
}
