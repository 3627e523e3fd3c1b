import Synchronization

/// Blobs in memory, for `--in-memory` and tests: each named by a counter, since nothing outlives the process.
public final class InMemoryBlobStore: BlobStore {
    private struct Held {
        var blobs: [String: [UInt8]] = [:]
        var pins: [String: Int] = [:]
        var next = 0

        mutating func add(_ bytes: [UInt8]) -> Blob {
            next += 1
            let id = "m\(next)"
            blobs[id] = bytes
            pins[id, default: 0] += 1
            return Blob(id: id, size: bytes.count)
        }
    }

    private let held = Mutex(Held())

    /// Creates an empty store.
    public init() {}

    public func put(_ bytes: [UInt8]) throws(StoreError) -> Blob {
        held.withLock { $0.add(bytes) }
    }

    public func concatenate(_ blobs: [Blob]) throws(StoreError) -> Blob {
        try held.withLock { held throws(StoreError) -> Blob in
            var joined: [UInt8] = []
            joined.reserveCapacity(blobs.reduce(0) { $0 + $1.size })
            for blob in blobs {
                guard let bytes = held.blobs[blob.id] else { throw .unreadable(file: "blob \(blob.id)", reason: "it is gone") }
                joined += bytes
            }
            return held.add(joined)
        }
    }

    public func unpin(_ blob: Blob) {
        held.withLock { held in
            held.pins[blob.id, default: 0] -= 1
            if held.pins[blob.id] ?? 0 <= 0 { held.pins[blob.id] = nil }
        }
    }

    public func content(of blob: String, offset: Int, count: Int) -> BlobContent? {
        held.withLock { held in
            guard let bytes = held.blobs[blob], offset >= 0, count >= 0, offset + count <= bytes.count else { return nil }
            return .bytes(Array(bytes[offset..<(offset + count)]))
        }
    }

    public func size(of blob: String) -> Int? {
        held.withLock { $0.blobs[blob]?.count }
    }

    public func sweep(keeping: () -> Set<String>?) {
        held.withLock { held in
            guard !held.blobs.isEmpty, let kept = keeping() else { return }
            held.blobs = held.blobs.filter { kept.contains($0.key) || held.pins[$0.key] != nil }
        }
    }
}
