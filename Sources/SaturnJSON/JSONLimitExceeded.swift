/// A value the mock refuses to keep, at its JSON path (`spec.dask_cluster.workers`, `versions[2]`, `(body)`).
public struct JSONLimitExceeded: Equatable, Sendable {
    public let path: String
    public let problem: String
}
