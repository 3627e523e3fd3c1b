import Glibc
import Logging
import SaturnDomain

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
        var message = Array(event.message.description.utf8)
        // Neither the handler nor an access-log line carries metadata: no merge, no sort, for most lines.
        if !metadata.isEmpty || !(event.metadata?.isEmpty ?? true) {
            for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }).sorted(by: { $0.key < $1.key }) {
                message += " \(key)=\(value)".utf8
            }
        }
        StandardErrorBuffer.shared.append(event.level, message, now: event.level >= .warning)
    }

    /// An access-log line from the API (`SaturnAPI.Settings.accessLog`), written as an info line.
    static func writeAccessLine(_ message: [UInt8]) {
        StandardErrorBuffer.shared.append(.info, message, now: false)
    }
}
