import MicroHTTP

/// One step of the pipeline: one concern of every request (its tenant, the control token, faults, the route, the
/// request journal, the access line).
protocol PipelineStep: Sendable {
    /// Answers the request (`context.answer`, `context.drop`), or passes it on with what it learned: `next(context)`.
    func handle(_ context: RequestContext, next: Pipeline.Next)
    /// Sees the answer of a request this step handled, on its way out.
    func answered(_ context: RequestContext, _ outcome: Outcome)
}

extension PipelineStep {
    func answered(_ context: RequestContext, _ outcome: Outcome) {}
}
