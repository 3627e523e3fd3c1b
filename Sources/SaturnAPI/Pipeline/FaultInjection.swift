import Dispatch

/// The tenant's fault rules (`/_mock/faults`), in order, on API requests, never on control calls: a rule may answer
/// with its status, drop the connection, or delay the request (the connection waits suspended and holds no thread),
/// then let it through.
final class FaultInjection: PipelineStep {
    func handle(_ context: RequestContext, next: Pipeline.Next) {
        guard !context.isControl,
              let rule = context.served.faults.match(method: context.request.method, path: context.path, caller: { try? context.caller().username })
        else { return next(context) }
        var caught = context
        caught.fault = rule.id
        let faulted = caught
        let act: @Sendable () -> Void = {
            // Answered meanwhile: the server stopped and told the client so; the request must not run after that.
            guard !faulted.reply.isSettled else { return }
            if rule.dropConnection {
                faulted.drop()
            } else if let status = rule.status {
                faulted.answer(FaultRules.bodilessStatuses.contains(status) ? JSONResponse.noContent(status: status) : JSONResponse.make(status, WireFaultBody(rule: rule)))
            } else {
                next(faulted)
            }
        }
        guard rule.delayMilliseconds > 0 else { return act() }
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(rule.delayMilliseconds), execute: act)
    }
}
