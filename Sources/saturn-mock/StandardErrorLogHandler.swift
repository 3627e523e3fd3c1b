import Dispatch
import FoundationEssentials
import Glibc
import Logging
import Synchronization

/// Log lines on standard error: `<UTC time> <level> <message> <metadata>`. Cheaper than swift-log's stream handler
/// (which formats local time on every line): the access log runs once per request. Lines below `warning` are
/// gathered and written together (`StandardErrorBuffer`); a warning or worse is written at once, after them.
struct StandardErrorLogHandler: LogHandler {
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var line = Self.start(event.level)
        line += event.message.description.utf8
        // Neither the handler nor an access-log line carries metadata: no merge, no sort, for most lines.
        if !metadata.isEmpty || !(event.metadata?.isEmpty ?? true) {
            for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }).sorted(by: { $0.key < $1.key }) {
                line += " \(key)=\(value)".utf8
            }
        }
        line.append(UInt8(ascii: "\n"))
        StandardErrorBuffer.shared.append(line, now: event.level >= .warning)
    }

    /// An access-log line from the API (`SaturnAPI.Settings.accessLog`), written as an info line.
    static func writeAccessLine(_ message: [UInt8]) {
        var line = start(.info)
        line += message
        line.append(UInt8(ascii: "\n"))
        StandardErrorBuffer.shared.append(line, now: false)
    }

    /// `<UTC time> <level> `.
    private static func start(_ level: Logger.Level) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(128)
        line += timestamp.now().utf8
        line.append(UInt8(ascii: " "))
        line += level.rawValue.utf8
        line.append(UInt8(ascii: " "))
        return line
    }

    private static let timestamp = SecondStamp()
}

/// `YYYY-MM-DDTHH:MM:SSZ`, formatted once per second and shared by every thread.
final class SecondStamp: Sendable {
    private let cache = Mutex<(second: Int, text: String)>((-1, ""))

    func now() -> String {
        var clock = timespec()
        clock_gettime(CLOCK_REALTIME, &clock)
        let second = clock.tv_sec
        return cache.withLock { cache in
            if cache.second != second {
                var seconds = second
                var parts = tm()
                gmtime_r(&seconds, &parts)
                func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
                cache = (second, "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z")
            }
            return cache.text
        }
    }
}

/// Standard error, written in batches: a line waits at most `delay` for the lines after it, so that a busy server
/// makes one `write(2)` for many requests rather than one each (`scripts/bench`). `flush()` writes what waits; the
/// command calls it before it exits.
final class StandardErrorBuffer: Sendable {
    static let shared = StandardErrorBuffer()

    /// How long a line may wait.
    static let delay = DispatchTimeInterval.milliseconds(20)
    /// Past this many bytes waiting, the line that adds them writes them all.
    static let limit = 64 * 1024

    private let waiting = Mutex<[UInt8]>([])
    /// Held while writing, so that batches reach the file in the order they were taken.
    private let writing = Mutex<Void>(())

    /// Adds a line; `now` writes it, with everything before it, at once.
    func append(_ line: [UInt8], now: Bool) {
        let (wasEmpty, full) = waiting.withLock { waiting -> (Bool, Bool) in
            let wasEmpty = waiting.isEmpty
            waiting += line
            return (wasEmpty, waiting.count >= Self.limit)
        }
        if now || full {
            flush()
        } else if wasEmpty {
            DispatchQueue.global().asyncAfter(deadline: .now() + Self.delay) { [self] in flush() }
        }
    }

    /// Writes every waiting line.
    func flush() {
        writing.withLock { _ in
            var batch = waiting.withLock { waiting -> [UInt8] in
                let taken = waiting
                waiting.removeAll(keepingCapacity: true)
                return taken
            }
            batch.withUnsafeMutableBytes { bytes in
                var offset = 0
                while offset < bytes.count {
                    let written = write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
                    guard written > 0 else { return }
                    offset += written
                }
            }
        }
    }
}
