import Dispatch
import FoundationEssentials
import Glibc
import Logging
import SaturnDomain
import Synchronization

/// Standard error, written in batches: a line waits at most `delay` for the lines after it, so that a busy server
/// makes one `write(2)` for many requests rather than one each (`scripts/bench`). `flush()` writes what waits; the
/// command calls it before it exits. Each line is `<UTC time> <level> <message>`.
final class StandardErrorBuffer: Sendable {
    static let shared = StandardErrorBuffer()

    /// How long a line may wait.
    static let delay = DispatchTimeInterval.milliseconds(20)
    /// Past this many bytes waiting, the line that adds them writes them all.
    static let limit = 64 * 1024

    /// The lines waiting, and a second buffer that the last batch written leaves behind: the two take turns, so
    /// that a batch costs no new allocation (one of 128 KiB would be a fresh mapping, faulted in page by page).
    /// The time of the last line, formatted once per second, is kept here too: one lock per line.
    private struct Lines {
        var waiting: [UInt8] = []
        var spare: [UInt8] = []
        var second = -1
        var stamp: [UInt8] = []
    }

    private let lines = Mutex(Lines())
    /// Held while writing, so that batches reach the file in the order they were taken.
    private let writing = Mutex<Void>(())

    /// Adds a line; `now` writes it, with everything before it, at once.
    func append(_ level: Logger.Level, _ message: [UInt8], now: Bool) {
        var clock = timespec()
        clock_gettime(CLOCK_REALTIME, &clock)
        let (wasEmpty, full) = lines.withLock { lines -> (Bool, Bool) in
            if lines.second != clock.tv_sec {
                lines.second = clock.tv_sec
                lines.stamp = Array(UTCTimestamp.format(Date(timeIntervalSince1970: TimeInterval(clock.tv_sec))).utf8)
            }
            let wasEmpty = lines.waiting.isEmpty
            lines.waiting += lines.stamp
            lines.waiting.append(UInt8(ascii: " "))
            lines.waiting += level.rawValue.utf8
            lines.waiting.append(UInt8(ascii: " "))
            lines.waiting += message
            lines.waiting.append(UInt8(ascii: "\n"))
            return (wasEmpty, lines.waiting.count >= Self.limit)
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
            var batch = lines.withLock { lines -> [UInt8] in
                var taken = lines.spare
                swap(&taken, &lines.waiting)
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
            batch.removeAll(keepingCapacity: true)
            lines.withLock { $0.spare = batch }
        }
    }
}
