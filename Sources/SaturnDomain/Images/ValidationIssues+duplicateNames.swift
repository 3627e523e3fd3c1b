extension ValidationIssues {
    /// Records a problem for each version name given more than once.
    mutating func rejectDuplicateNames(_ versions: [VersionDraft]) {
        var seen: Set<String> = []
        for version in versions where !seen.insert(version.name).inserted {
            add("\(version.path).name", "version '\(version.name)' is given more than once")
        }
    }
}
