import SaturnDomain

/// `GET /_mock/image-checks?uri=...`: the last check of an image (README "Images against a registry").
enum ImageCheckEndpoints {
    /// The last check of the URI the query names: `checking`, `checked` with what the image works for and each
    /// requirement's evidence, or `unreadable` with the registry's answer.
    static func get(_ context: RequestContext, checks: ImageChecks?) throws -> Answer {
        guard let checks else { throw APIError.imageChecksOff }
        guard let uri = QueryReader(context.request).value("uri"), !uri.isEmpty else {
            throw DomainError.invalid(at: "uri", "give the image URI to look up: /_mock/image-checks?uri=<image URI>")
        }
        guard let record = checks.record(of: uri) else { throw APIError.imageCheckNotFound(uri) }
        return .now(JSONResponse.make(200, WireImageCheck(uri: uri, record: record)))
    }
}
