import FoundationEssentials
import MicroHTTP
import SaturnDomain
import SaturnJSON

extension ControlEndpoints {
    /// `GET /_mock/requests`: the latest requests of the tenant, oldest first, filtered.
    static func listRequests(_ context: RequestContext) throws -> Answer {
        let entries = context.served.journal.entries(matching: try journalFilter(context))
        return .now(JSONResponse.make(200, WireList(key: "requests", items: entries.map(WireJournalEntry.init))))
    }

    /// `GET /_mock/requests/count`: how many requests matched ("my client applied exactly once").
    static func countRequests(_ context: RequestContext) throws -> Answer {
        let count = context.served.journal.entries(matching: try journalFilter(context)).count
        return .now(JSONResponse.make(200, WireCount(count: count)))
    }

    /// `DELETE /_mock/requests`.
    static func clearRequests(_ context: RequestContext) throws -> Answer {
        context.served.journal.clear()
        return .now(JSONResponse.noContent())
    }

    /// `GET /_mock/faults`.
    static func listFaults(_ context: RequestContext) throws -> Answer {
        .now(JSONResponse.make(200, WireList(key: "faults", items: context.served.faults.all.map(WireFault.init))))
    }

    /// `GET /_mock/faults/{id}`.
    static func getFault(_ context: RequestContext) throws -> Answer {
        let id = context.parameter("id")
        guard let rule = context.served.faults.rule(id) else { throw APIError.faultNotFound(id) }
        return .now(JSONResponse.make(200, WireFault(rule: rule)))
    }

    /// `DELETE /_mock/faults/{id}`.
    static func deleteFault(_ context: RequestContext) throws -> Answer {
        let id = context.parameter("id")
        guard context.served.faults.remove(id) else { throw APIError.faultNotFound(id) }
        return .now(JSONResponse.noContent())
    }

    /// `DELETE /_mock/faults`: every rule of the tenant.
    static func deleteFaults(_ context: RequestContext) throws -> Answer {
        context.served.faults.remove(nil)
        return .now(JSONResponse.noContent())
    }

    /// `POST /_mock/faults`: a rule at the end of the tenant's list.
    static func addFault(_ context: RequestContext) throws -> Answer {
        let body = try ObjectBody(context, allowed: ["method", "path", "caller", "status", "body", "delay_ms", "drop_connection", "times", "after"])
        var issues = body.issues
        let fields = body.fields
        let method = fields?.string("method", maxLength: 16, issues: &issues)?.uppercased()
        let path = fields?.string("path", required: true, maxLength: 1_024, issues: &issues)
        let caller = fields?.string("caller", maxLength: FieldLimits.ownerName, issues: &issues)
        // A 1xx is never a final answer: a client would wait for the one after it.
        let status = fields?.integer("status", in: 200...599, issues: &issues)
        let delay = fields?.integer("delay_ms", in: 0...600_000, issues: &issues) ?? 0
        let drop = fields?.bool("drop_connection", issues: &issues) ?? false
        let times = fields?.integer("times", in: 0...1_000_000, issues: &issues) ?? 1
        let after = fields?.integer("after", in: 0...1_000_000, issues: &issues) ?? 0
        let answerBody = fields?.values["body"].flatMap { $0 == .null ? nil : $0 }
        if let answerBody, case .object = answerBody {} else if answerBody != nil {
            issues.add("body", "must be a JSON object, the answer's body")
        }
        if let path, !path.hasPrefix("/") && !path.hasPrefix("*") { issues.add("path", "must start with / or *, not '\(path)'") }
        if let path, path.hasPrefix(TenantTarget.controlPath) { issues.add("path", "faults never apply to /_mock/ itself") }
        if fields?.values["status"] == nil, delay == 0, !drop { issues.add("(body)", "give an effect: status, delay_ms or drop_connection") }
        if drop, status != nil { issues.add("drop_connection", "a dropped connection has no status; give one or the other") }
        if answerBody != nil, status == nil { issues.add("body", "a body needs a status to go with it") }
        if answerBody != nil, let status, FaultRules.bodilessStatuses.contains(status) { issues.add("body", "a \(status) answer has no body") }
        if let size = answerBody?.jsonBytes.count, size > FaultRules.bodyLimit {
            issues.add("body", "is \(size) bytes as JSON; a fault's body may have at most \(FaultRules.bodyLimit)")
        }
        guard issues.isEmpty, let path else { throw DomainError.invalid(issues) }
        let rule = try context.served.faults.add { id in
            FaultRules.Rule(
                id: id, method: method, path: PathPattern(path), caller: caller, status: status, body: answerBody,
                delayMilliseconds: delay, dropConnection: drop, times: times, after: after
            )
        }
        return .now(JSONResponse.make(201, WireFault(rule: rule)))
    }

    private static func journalFilter(_ context: RequestContext) throws -> RequestJournal.Filter {
        var reader = QueryReader(context.request)
        var filter = RequestJournal.Filter()
        filter.method = reader.value("method")
        filter.path = reader.value("path").map(PathPattern.init)
        filter.caller = reader.value("caller")
        if let status = reader.value("status") {
            let valid = status.count == 3 && (Int(status) != nil || (status.hasSuffix("xx") && status.first?.isNumber == true)) || status == "dropped"
            if valid { filter.status = status } else { reader.issues.add("status", "must be a status such as 404, a class such as 4xx, or dropped; not '\(status)'") }
        }
        if let since = reader.value("since") {
            if let time = UTCTimestamp.parse(since) { filter.since = time } else {
                reader.issues.add("since", "must be \(UTCTimestamp.expectation), not '\(since)'")
            }
        }
        try reader.finish()
        return filter
    }
}
