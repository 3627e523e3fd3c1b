import MicroHTTP

/// A request's way through the API, as one ordered list of steps (`SaturnAPI.steps`): each answers the request or
/// passes it on to the next, and every step it passed sees its answer on the way out, last first.
final class Pipeline: Sendable {
    private let steps: [any PipelineStep]

    init(_ steps: [any PipelineStep]) {
        self.steps = steps
    }

    /// Hands a request to the step after the one that calls it.
    struct Next: Sendable {
        fileprivate let pipeline: Pipeline
        fileprivate let stage: Int

        func callAsFunction(_ context: RequestContext) {
            pipeline.run(context, at: stage)
        }
    }

    /// Starts a request at the first step.
    func start(_ context: RequestContext) {
        run(context, at: 0)
    }

    private func run(_ context: RequestContext, at stage: Int) {
        context.stage = stage
        steps[stage].handle(context, next: Next(pipeline: self, stage: stage + 1))
    }

    /// Shows the answer to the steps the request passed, then sends it.
    func finish(_ context: RequestContext, _ outcome: Outcome) {
        guard !context.reply.isSettled else { return }
        for step in steps[...context.stage].reversed() { step.answered(context, outcome) }
        switch outcome {
        case let .sent(response, _): context.reply.send(response)
        case .dropped: context.reply.drop()
        }
    }
}
