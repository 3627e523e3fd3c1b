/// Checks a cron schedule as Kubernetes' CronJob reads it: five fields (minute, hour, day of month, month, day of
/// week), each `*`, a number, a range, a list or a step, or one of the `@hourly`-style macros.
public enum CronSchedule {
    /// How a schedule treats a run that is due while the last one still runs (Kubernetes' `concurrencyPolicy`).
    public static let concurrencyPolicies = ["Allow", "Forbid", "Replace"]

    private static let macros: Set<String> = ["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]
    private static let fields: [(name: String, range: ClosedRange<Int>)] = [
        ("minute", 0...59), ("hour", 0...23), ("day of month", 1...31), ("month", 1...12), ("day of week", 0...7),
    ]

    /// What is wrong with `schedule`, or nil when it is a schedule.
    public static func problem(in schedule: String) -> String? {
        if macros.contains(schedule) { return nil }
        let parts = schedule.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == fields.count else {
            return "'\(schedule)' is not a cron schedule: it needs 5 fields (minute hour day-of-month month day-of-week), not \(parts.count); or one of \(macros.sorted().joined(separator: ", "))"
        }
        for (part, field) in zip(parts, fields) {
            for item in part.split(separator: ",", omittingEmptySubsequences: false) {
                if let problem = problem(inItem: String(item), range: field.range) {
                    return "'\(schedule)' is not a cron schedule: the \(field.name) field '\(part)' \(problem)"
                }
            }
        }
        return nil
    }

    /// `*`, `N`, `N-M`, each optionally followed by `/STEP`.
    private static func problem(inItem item: String, range: ClosedRange<Int>) -> String? {
        let stepParts = item.split(separator: "/", omittingEmptySubsequences: false)
        guard stepParts.count <= 2 else { return "has more than one '/'" }
        if stepParts.count == 2 {
            guard let step = Int(stepParts[1]), step > 0 else { return "has a step that is not a positive number" }
        }
        let base = stepParts[0]
        if base == "*" { return nil }
        let bounds = base.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count <= 2, let low = Int(bounds[0]), let high = Int(bounds.last!) else {
            return "is not '*', a number, a range or a list"
        }
        guard range.contains(low), range.contains(high) else { return "is outside \(range.lowerBound)-\(range.upperBound)" }
        guard low <= high else { return "has a range that runs backwards" }
        return nil
    }
}
