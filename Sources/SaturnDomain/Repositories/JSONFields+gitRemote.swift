extension JSONFields {
    /// A git remote URL (`GitRemote`), at most `FieldLimits.remoteURL` characters.
    public func gitRemote(_ key: String, required: Bool = false, issues: inout ValidationIssues) -> String? {
        guard let url = string(key, required: required, maxLength: FieldLimits.remoteURL, issues: &issues) else { return nil }
        if let problem = GitRemote.problem(in: url) {
            issues.add(path(key), problem)
            return nil
        }
        return url
    }
}
