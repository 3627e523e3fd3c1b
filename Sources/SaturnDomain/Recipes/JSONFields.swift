import SaturnJSON

/// Reads the fields of one JSON object, recording a problem at the exact path for every field that breaks a rule.
public struct JSONFields {
    /// The object's members.
    public let values: [String: JSONValue]
    /// The object's JSON path, empty for the body itself.
    public let path: String

    /// Nil (with a problem recorded) when `value` is not an object.
    public init?(_ value: JSONValue, path: String, issues: inout ValidationIssues) {
        guard case let .object(values) = value else {
            issues.add(path.isEmpty ? "(body)" : path, "must be an object, not \(value.kindName)")
            return nil
        }
        self.values = values
        self.path = path
    }

    /// Whether `text` has at most `limit` characters; counts characters only when its UTF-8 bytes are more.
    private static func fits(_ text: String, _ limit: Int) -> Bool {
        text.utf8.count <= limit || text.count <= limit
    }

    /// The path of one field of this object.
    public func path(_ key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// Records a problem for every field not in `allowed`.
    public func rejectUnknown(allowed: Set<String>, issues: inout ValidationIssues) {
        for key in values.keys.sorted() where !allowed.contains(key) {
            issues.add(path(key), "unknown field (allowed: \(allowed.sorted().joined(separator: ", ")))")
        }
    }

    /// A string of at most `maxLength` characters.
    public func string(_ key: String, required: Bool = false, maxLength: Int = FieldLimits.text, issues: inout ValidationIssues) -> String? {
        switch values[key] {
        case nil, .null?:
            if required { issues.add(path(key), "is required") }
            return nil
        case let .string(text)?:
            guard Self.fits(text, maxLength) else {
                issues.add(path(key), "is \(text.count) characters long; at most \(maxLength) are allowed")
                return nil
            }
            return text
        case let other?:
            issues.add(path(key), "must be a string, not \(other.kindName)")
            return nil
        }
    }

    /// A boolean.
    public func bool(_ key: String, issues: inout ValidationIssues) -> Bool? {
        switch values[key] {
        case nil, .null?: return nil
        case let .bool(flag)?: return flag
        case let other?:
            issues.add(path(key), "must be a boolean, not \(other.kindName)")
            return nil
        }
    }

    /// An array.
    public func array(_ key: String, required: Bool = false, issues: inout ValidationIssues) -> [JSONValue]? {
        switch values[key] {
        case nil, .null?:
            if required { issues.add(path(key), "is required") }
            return nil
        case let .array(items)?:
            return items
        case let other?:
            issues.add(path(key), "must be an array, not \(other.kindName)")
            return nil
        }
    }

    /// A string that must be one of `allowed`.
    public func oneOf(_ key: String, _ allowed: [String], required: Bool = false, issues: inout ValidationIssues) -> String? {
        guard let text = string(key, required: required, issues: &issues) else { return nil }
        guard allowed.contains(text) else {
            issues.add(path(key), "must be one of \(allowed.map { "'\($0)'" }.joined(separator: ", ")), not '\(text)'")
            return nil
        }
        return text
    }

    /// A string that must be the raw value of one of `Value`'s cases.
    public func choice<Value: RawRepresentable & CaseIterable>(_ key: String, as _: Value.Type, required: Bool = false, issues: inout ValidationIssues) -> Value?
    where Value.RawValue == String {
        oneOf(key, Value.allCases.map(\.rawValue), required: required, issues: &issues).flatMap(Value.init(rawValue:))
    }

    /// A whole number in `range`.
    public func integer(_ key: String, in range: ClosedRange<Int>, issues: inout ValidationIssues) -> Int? {
        switch values[key] {
        case nil, .null?:
            return nil
        case let .number(number)?:
            guard number == number.rounded(), let whole = Int(exactly: number), range.contains(whole) else {
                issues.add(path(key), "must be a whole number from \(range.lowerBound) to \(range.upperBound), not \(number)")
                return nil
            }
            return whole
        case let other?:
            issues.add(path(key), "must be a number, not \(other.kindName)")
            return nil
        }
    }

    /// An image or version name: `^[-a-zA-Z0-9.]+$`, at most `FieldLimits.name` characters.
    public func recipeName(_ key: String, issues: inout ValidationIssues) -> String? {
        guard let name = string(key, required: true, maxLength: FieldLimits.name, issues: &issues) else { return nil }
        guard RecipeName.isValid(name) else {
            issues.add(path(key), "'\(name)' must match ^[-a-zA-Z0-9.]+$ (letters, digits, '-' and '.')")
            return nil
        }
        return name
    }

    /// An image version's `image_uri`: a non-empty string of printable ASCII (README "Image references"). Whether
    /// it follows the registry grammar is the catalog's check, since `--strict` decides what that costs.
    public func imageURI(_ key: String, issues: inout ValidationIssues) -> String? {
        guard let uri = string(key, required: true, maxLength: FieldLimits.imageURI, issues: &issues) else { return nil }
        guard !uri.isEmpty else {
            issues.add(path(key), "must not be empty")
            return nil
        }
        if let problem = ImageReference.forbiddenCharacter(in: uri) {
            issues.add(path(key), problem)
            return nil
        }
        return uri
    }

    /// A string-to-string object, such as `build_data`.
    func stringMap(_ key: String, maxLength: Int, issues: inout ValidationIssues) -> [String: String]? {
        guard let value = values[key], value != .null, let map = JSONFields(value, path: path(key), issues: &issues) else { return nil }
        var result: [String: String] = [:]
        for entry in map.values.keys.sorted() {
            result[entry] = map.string(entry, maxLength: maxLength, issues: &issues)
        }
        return result
    }

    /// An array of strings.
    public func strings(_ key: String, allowed: [String]? = nil, issues: inout ValidationIssues) -> [String]? {
        guard let items = array(key, issues: &issues) else { return nil }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            let itemPath = "\(path(key))[\(index)]"
            guard case let .string(text) = item else {
                issues.add(itemPath, "must be a string, not \(item.kindName)")
                continue
            }
            guard Self.fits(text, FieldLimits.text) else {
                issues.add(itemPath, "is \(text.count) characters long; at most \(FieldLimits.text) are allowed")
                continue
            }
            if let allowed, !allowed.contains(text) {
                issues.add(itemPath, "must be one of \(allowed.map { "'\($0)'" }.joined(separator: ", ")), not '\(text)'")
                continue
            }
            result.append(text)
        }
        return result
    }
}
