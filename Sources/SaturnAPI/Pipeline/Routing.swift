/// The route table, last: the handler of the request's method and path (control calls in their own table), whose
/// answer goes out now or once its commit is durable; an operation of Saturn's spec the table does not serve is a
/// 501 `not_mocked`, a path Saturn does not have a 404. A domain or API error becomes its status and body here.
final class Routing: PipelineStep {
    let api: Router
    let control: Router
    let notMocked: Router

    /// `api` and `notMocked` as `SpecCoverage` makes them.
    init(coverage: SpecCoverage, control: Router) {
        api = coverage.api
        self.control = control
        notMocked = coverage.notMocked
    }

    private func match(_ context: RequestContext) -> Router.Match {
        let method = context.request.method
        guard !context.isControl else { return control.match(method: method, path: context.path) }
        let served = api.match(method: method, path: context.path)
        if case .handler = served { return served }
        let unserved = notMocked.match(method: method, path: context.path)
        if case .handler = unserved { return unserved }
        return served
    }

    func handle(_ context: RequestContext, next: Pipeline.Next) {
        let request = context.request
        var routed = context
        let answer: Answer
        do {
            switch match(context) {
            case let .handler(handler, parameters):
                routed.parameters = parameters
                answer = try handler(routed)
            case let .methodNotAllowed(allowed):
                throw APIError.methodNotAllowed(method: request.method, path: request.path, allowed: allowed)
            case .notFound:
                throw APIError.noRoute(method: request.method, path: request.path)
            }
        } catch {
            return routed.answer(error)
        }
        switch answer {
        case let .now(response):
            routed.answer(response)
        case let .whenDurable(commit, success, changes):
            let waiting = routed
            commit.whenDurable { error in
                if let error { waiting.answer(error) } else { waiting.answer(success, changes: changes) }
            }
        }
    }
}
