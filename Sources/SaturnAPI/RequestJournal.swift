import FoundationEssentials
import MicroHTTP
import Synchronization

/// The latest requests of one tenant, for `GET /_mock/requests`: a ring of a fixed number of entries, so memory
/// stays bounded under any load. Entries keep the raw pieces; they are rendered (and secrets redacted) only when
/// asked for.
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
        let query: [(name: String, value: String)]
        let caller: String?
        /// Nil for a dropped connection.
        let status: Int?
        let milliseconds: Double
        let body: [UInt8]
        let bodyTruncated: Bool
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

    /// Records one finished request.
    func record(
        _ request: HTTPRequest, path: String, time: Date, caller: String?, status: Int?, milliseconds: Double,
        changes: [RecordedChange], fault: String?
    ) {
        let body = Array(request.body.prefix(Self.bodyLimit))
        ring.withLock { ring in
            ring.sequence += 1
            ring.slots[ring.next] = Entry(
                sequence: ring.sequence, time: time, method: request.method, path: path, query: request.query,
                caller: caller, status: status, milliseconds: milliseconds, body: body,
                bodyTruncated: request.body.count > body.count, changes: Array(changes.prefix(Self.changeLimit)),
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
