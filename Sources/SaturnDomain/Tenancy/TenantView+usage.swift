import FoundationEssentials

extension TenantView {
    /// The compute an org's resources used, by day: its admins see it.
    public func usage(org orgID: String, caller: User, from start: Date, to end: Date) throws(DomainError) -> [DailyUsage] {
        let org = try org(orgID, caller: caller)
        try Permission.checkOrgAdmin(org, caller: caller, in: directory, to: "Seeing the org's usage")
        return usage(of: org, username: nil, from: start, to: end)
    }

    /// The compute one member's resources in an org used, by day: it and the org's admins see it.
    public func usage(org orgID: String, member userID: String, caller: User, from start: Date, to end: Date) throws(DomainError) -> [DailyUsage] {
        let org = try org(orgID, caller: caller)
        let user = try member(userID, of: org)
        if user.id != caller.id { try Permission.checkOrgAdmin(org, caller: caller, in: directory, to: "Seeing another member's usage") }
        return usage(of: org, username: user.username, from: start, to: end)
    }

    /// The compute an org's resources used from `start` to `end` (of one user's, when `username` is given), by UTC
    /// day, size and resource type: each run counts from when it ran (not while it pulled) until it stopped,
    /// completed or `now`, times the cores of its size (README "Usage").
    func usage(of org: Org, username: String?, from start: Date, to end: Date) -> [DailyUsage] {
        var hours: [UsageKey: Double] = [:]
        let secondsPerDay = 86_400.0
        for recipe in state.catalog.resources where recipe.owner.org == org.name && (username.map { recipe.owner.identity == $0 } ?? true) {
            guard case let .resource(spec) = recipe.spec else { continue }
            let cores = Double(settings.servers.sizes.first { $0.name == spec.instanceType }?.cores ?? 1)
            for schedule in resourceView(recipe, spec: spec).runs {
                guard schedule.run.failure == nil else { continue }
                var from = max(schedule.readyAt, start)
                let ended = min(schedule.endedAt(at: now) ?? now, now, end)
                if let stop = schedule.run.stopRequestedAt, stop < schedule.readyAt { continue }
                while from < ended {
                    let dayStart = (from.timeIntervalSince1970 / secondsPerDay).rounded(.down) * secondsPerDay
                    let dayEnd = min(Date(timeIntervalSince1970: dayStart + secondsPerDay), ended)
                    let day = String(UTCTimestamp.format(from).prefix(10))
                    hours[UsageKey(date: day, instanceType: spec.instanceType, resourceType: spec.kind.rawValue), default: 0] +=
                        dayEnd.timeIntervalSince(from) / 3_600 * cores
                    from = dayEnd
                }
            }
        }
        return hours.sorted { $0.key < $1.key }.map { key, total in
            DailyUsage(date: key.date, hours: total, instanceType: key.instanceType, resourceType: key.resourceType)
        }
    }

    /// What usage adds up by, in the order it is answered.
    private struct UsageKey: Hashable, Comparable {
        let date: String
        let instanceType: String
        let resourceType: String

        static func < (lhs: UsageKey, rhs: UsageKey) -> Bool {
            (lhs.date, lhs.instanceType, lhs.resourceType) < (rhs.date, rhs.instanceType, rhs.resourceType)
        }
    }
}
