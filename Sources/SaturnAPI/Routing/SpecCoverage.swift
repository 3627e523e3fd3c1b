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

    init(api: Router) {
        operations = SaturnSpecOperations.all.map { Operation(method: $0.method, path: $0.path, served: api.serves($0.method, $0.path)) }
        var notMocked = Router()
        var spec = Router()
        for operation in operations {
            spec.add(operation.method, operation.path) { _ in throw APIError.notMocked(method: operation.method, template: operation.path) }
            if !operation.served {
                notMocked.add(operation.method, operation.path) { _ in throw APIError.notMocked(method: operation.method, template: operation.path) }
            }
        }
        self.notMocked = notMocked
        beyondSpec = api.templates.filter { !spec.serves($0.method, $0.path) }
    }
}
