/// Which operations of Saturn's spec the mock serves, from the route table and `SaturnSpecOperations`, made once: a
/// router that answers each operation it does not serve with 501 `not_mocked`, and the list `GET /_mock/operations`
/// shows.
struct SpecCoverage: Sendable {
    /// One operation of the spec, and whether the route table serves it.
    struct Operation: Sendable {
        let method: String
        let path: String
        let served: Bool
    }

    /// Every operation of the spec, in its order.
    let operations: [Operation]
    /// What the mock serves that the spec does not name (`POST /api/recipes/apply`, the UI's files).
    let beyondSpec: [(method: String, path: String)]
    /// The operations the route table does not serve, each answering 501 `not_mocked`.
    let notMocked: Router
    /// The route table to answer the API from: the served routes, after the unserved operations whose paths one of
    /// their parameters would capture (`GET /api/workspaces/info`, beside `/api/workspaces/{id}`), which they would
    /// otherwise answer as something else.
    let api: Router

    init(api: Router) {
        operations = SaturnSpecOperations.all.map { Operation(method: $0.method, path: $0.path, served: api.serves($0.method, $0.path)) }
        var notMocked = Router()
        var shadowed = Router()
        var spec = Router()
        for operation in operations {
            let refuse: Router.Handler = { _ in throw APIError.notMocked(method: operation.method, template: operation.path) }
            spec.add(operation.method, operation.path, refuse)
            guard !operation.served else { continue }
            notMocked.add(operation.method, operation.path, refuse)
            if case .handler = api.match(method: operation.method, path: operation.path) {
                shadowed.add(operation.method, operation.path, refuse)
            }
        }
        self.notMocked = notMocked
        self.api = api.preferring(shadowed)
        beyondSpec = api.templates.filter { !spec.serves($0.method, $0.path) }
    }
}
