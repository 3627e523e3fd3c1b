import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A stretch of a file sent as an answer's body, straight from the file (libmicrohttpd sends it with `sendfile`),
/// so that a large download is never read into memory. It holds the file open from `open` on: the file may be
/// unlinked meanwhile and still be sent whole. Closed once sent, or when the last copy of the answer goes.
public final class HTTPFileBody: Sendable {
    private let descriptor: Mutex<Int32?>
    /// Where the stretch starts in the file.
    public let offset: Int
    /// How many bytes it holds.
    public let count: Int

    /// Opens `count` bytes of the file at `path` from `offset`; nil when the file cannot be opened.
    public static func open(path: String, offset: Int, count: Int) -> HTTPFileBody? {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        return HTTPFileBody(descriptor: descriptor, offset: offset, count: count)
    }

    private init(descriptor: Int32, offset: Int, count: Int) {
        self.descriptor = Mutex(descriptor)
        self.offset = offset
        self.count = count
    }

    /// The descriptor, handed over once to libmicrohttpd, which closes it with the response.
    func take() -> Int32? {
        descriptor.withLock { held in
            defer { held = nil }
            return held
        }
    }

    deinit {
        if let held = take() { close(held) }
    }
}
