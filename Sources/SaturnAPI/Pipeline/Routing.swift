/// The route table, last: the handler of the request's method and path (control calls in their own table), whose
/// answer goes out now or once its commit is durable. A domain or API error becomes its status and body here.
final class Routing: PipelineStep {
    let api: Router
    let control: Router

    init(api: Router, control: Router) {
        self.api = api
        self.control = control
    }

    func handle(_ context: RequestContext, next: Pipeline.Next) {
        let request = context.request
        let table = context.isControl ? control : api
        var routed = context
        let answer: Answer
        do {
            switch table.match(method: request.method, path: context.path) {
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
