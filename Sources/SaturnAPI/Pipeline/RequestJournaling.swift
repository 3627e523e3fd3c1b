import Dispatch

/// Keeps what a client sent to the API, and to object storage's presigned URLs, in its tenant's request journal
/// (`/_mock/requests`): not control calls, not the UI's files. Sees faulted and dropped requests too, since faults
/// act after it.
final class RequestJournaling: PipelineStep {
    private static let apiFolder = "/api/"
    private static let objectsFolder = "/objects/"

    func handle(_ context: RequestContext, next: Pipeline.Next) {
        next(context)
    }

    func answered(_ context: RequestContext, _ outcome: Outcome) {
        guard !context.isControl, context.path.hasBytePrefix(Self.apiFolder) || context.path.hasBytePrefix(Self.objectsFolder) else { return }
        var changes: [RecordedChange] = []
        if case let .sent(_, recorded) = outcome { changes = recorded }
        context.served.journal.record(
            context.request, path: context.path, parsedBody: context.knownBody, time: context.tenant.clock.now(),
            caller: context.knownCaller?.username, status: outcome.status,
            milliseconds: Double(DispatchTime.now().uptimeNanoseconds - context.started) / 1e6, changes: changes, fault: context.fault
        )
    }
}
