import Synchronization

/// What was read of layers, by digest, so that a base layer shared by many images is read once. Bounded by the
/// entries it holds: the least recently used summaries go first.
public final class LayerCache: Sendable {
    private struct Held {
        var summaries: [String: (summary: LayerSummary, used: UInt64)] = [:]
        var weight = 0
        var clock: UInt64 = 0
    }

    private let capacity: Int
    private let held = Mutex(Held())

    /// A cache of at most `capacity` entries in all (an entry: one file kept of a layer).
    public init(capacity: Int = 1_000_000) {
        self.capacity = capacity
    }

    /// The summary of the layer with this digest, if it was read.
    func summary(_ digest: String) -> LayerSummary? {
        held.withLock { held in
            held.clock += 1
            guard var found = held.summaries[digest] else { return nil }
            found.used = held.clock
            held.summaries[digest] = found
            return found.summary
        }
    }

    /// Keeps a layer's summary, making room by forgetting the least recently used.
    func keep(_ summary: LayerSummary, for digest: String) {
        guard summary.weight <= capacity else { return }
        held.withLock { held in
            held.clock += 1
            if let previous = held.summaries[digest] { held.weight -= previous.summary.weight }
            held.summaries[digest] = (summary, held.clock)
            held.weight += summary.weight
            while held.weight > capacity, let oldest = held.summaries.min(by: { $0.value.used < $1.value.used }) {
                held.summaries[oldest.key] = nil
                held.weight -= oldest.value.summary.weight
            }
        }
    }
}
