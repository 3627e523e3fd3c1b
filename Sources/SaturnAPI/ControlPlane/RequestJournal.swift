import FoundationEssentials
import MicroHTTP
import SaturnJSON
import Synchronization

/// The latest requests of one tenant, for `GET /_mock/requests`: a ring of a fixed number of entries, so memory
/// stays bounded under any load. Secrets are redacted as an entry is recorded, so none is ever kept: the values of
/// body members and query parameters that `SecretName` calls secret (and a secret's `value`), and every body that is
/// not JSON.
final class RequestJournal: Sendable {
    /// The most body bytes kept per request.
    static let bodyLimit = 4_096
    /// The most changes kept per request (a legacy set may hold thousands of images); the count of all is kept.
    static let changeLimit = 100

    struct Entry: Sendable {
        let sequence: Int
        let time: Date
        let method: String
        let path: String
        /// Secret values redacted.
        let query: [(name: String, value: String)]
        let caller: String?
        /// Nil for a dropped connection.
        let status: Int?
        let milliseconds: Double
        let body: JournalBody
        /// The body's size as sent, and its `Content-Type`.
        let bodyBytes: Int
        let contentType: String?
        let changes: [RecordedChange]
        /// How many changes the request made, kept or not.
        let changeCount: Int
        let fault: String?
    }

    /// Which entries a listing wants; nil fields match everything.
    struct Filter {
        var method: String?
        var path: PathPattern?
        /// An exact status (`404`) or a class (`4xx`).
        var status: String?
        var caller: String?
        var since: Date?

        func matches(_ entry: Entry) -> Bool {
            if let method, entry.method.uppercased() != method.uppercased() { return false }
            if let path, !path.matches(entry.path) { return false }
            if let status {
                let code = entry.status.map(String.init) ?? "dropped"
                if status.hasSuffix("xx") ? code.first != status.first : code != status { return false }
            }
            if let caller, entry.caller != caller { return false }
            if let since, entry.time < since { return false }
            return true
        }
    }

    private struct Ring {
        var slots: [Entry?]
        var next = 0
        var sequence = 0
    }

    let capacity: Int
    private let ring: Mutex<Ring>

    /// Keeps the last `capacity` requests.
    init(capacity: Int) {
        self.capacity = capacity
        ring = Mutex(Ring(slots: Array(repeating: nil, count: max(1, capacity))))
    }

    /// Records one finished request; `parsedBody` is its body as the handler read it, when it did.
    func record(
        _ request: HTTPRequest, path: String, parsedBody: JSONValue?, time: Date, caller: String?, status: Int?,
        milliseconds: Double, changes: [RecordedChange], fault: String?
    ) {
        let body = JournalBody(request.body, parsed: parsedBody, path: path)
        let query = request.query.map { ($0.name, SecretName.isSecret($0.name) ? "[redacted]" : $0.value) }
        ring.withLock { ring in
            ring.sequence += 1
            ring.slots[ring.next] = Entry(
                sequence: ring.sequence, time: time, method: request.method, path: path, query: query,
                caller: caller, status: status, milliseconds: milliseconds, body: body, bodyBytes: request.body.count,
                contentType: request.body.isEmpty ? nil : request.header("Content-Type"), changes: Array(changes.prefix(Self.changeLimit)),
                changeCount: changes.count, fault: fault
            )
            ring.next = (ring.next + 1) % ring.slots.count
        }
    }

    /// The kept entries that match, oldest first.
    func entries(matching filter: Filter) -> [Entry] {
        let slots = ring.withLock { ring in Array(ring.slots[ring.next...] + ring.slots[..<ring.next]) }
        return slots.compactMap { $0 }.filter(filter.matches)
    }

    /// Forgets every entry.
    func clear() {
        ring.withLock { ring in
            ring.slots = Array(repeating: nil, count: ring.slots.count)
            ring.next = 0
        }
    }
}
