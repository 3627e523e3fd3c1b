extension JSONFields {
    /// A cron schedule (`CronSchedule`), or nil with the problem recorded at its path.
    public func cronSchedule(_ key: String, issues: inout ValidationIssues) -> String? {
        guard let schedule = string(key, issues: &issues) else { return nil }
        if let problem = CronSchedule.problem(in: schedule) {
            issues.add(path(key), problem)
            return nil
        }
        return schedule
    }
}
