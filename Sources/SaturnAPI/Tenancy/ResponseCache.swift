import MicroHTTP
import SaturnDomain
import Synchronization

/// Rendered read answers, kept until the catalog changes: a repeated `GET /api/recipes` costs a lookup, not a
/// render, and its libmicrohttpd response is made once (`HTTPResponse.preparedOnce`). An entry is used only while the catalog's revision is the one it was rendered at.
final class ResponseCache: Sendable {
    /// Who asked what: the answer depends on the caller (visibility) and on every query argument.
    struct Key: Hashable {
        let username: String
        let path: String
        let query: [String]

        init(caller: User, request: HTTPRequest) {
            username = caller.username
            path = request.path
            query = request.query.map { "\($0.name)=\($0.value)" }.sorted()
        }
    }

    private static let capacity = 1024
    private let entries = Mutex<[Key: (revision: UInt64, response: HTTPResponse)]>([:])

    /// The cached answer for `key` if it was rendered at `revision`, else `render()`'s, which is then kept if it
    /// is cacheable. Read `revision` before rendering: a write during the render then makes the entry stale at once.
    func response(for key: Key, revision: UInt64, render: () throws -> (HTTPResponse, cacheable: Bool)) rethrows -> HTTPResponse {
        if let hit = entries.withLock({ $0[key] }), hit.revision == revision { return hit.response }
        let (rendered, cacheable) = try render()
        guard cacheable else { return rendered }
        let response = rendered.preparedOnce()
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = (revision, response)
        }
        return response
    }
}
