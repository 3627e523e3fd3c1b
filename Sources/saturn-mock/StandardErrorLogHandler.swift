import FoundationEssentials
import Glibc
import Logging
import Synchronization

/// Log lines on standard error, each written whole with one `write(2)`: `<UTC time> <level> <message> <metadata>`.
/// Cheaper than swift-log's stream handler (which formats local time on every line): the access log runs once per request.
struct StandardErrorLogHandler: LogHandler {
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var line = Self.timestamp.now()
        line += " "
        line += event.level.rawValue
        line += " "
        line += "\(event.message)"
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            line += " \(key)=\(value)"
        }
        line += "\n"
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBytes { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
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
