import SaturnDomain
import SaturnJSON

/// A request's JSON body, read as an object of known fields; an empty body is an empty object.
struct ObjectBody {
    let fields: JSONFields?
    let issues: ValidationIssues

    init(_ context: RequestContext, allowed: Set<String>) throws {
        var issues = ValidationIssues()
        let value = context.request.body.isEmpty ? JSONValue.object([:]) : try context.jsonBody()
        fields = JSONFields(value, path: "", issues: &issues)
        fields?.rejectUnknown(allowed: allowed, issues: &issues)
        self.issues = issues
    }
}
