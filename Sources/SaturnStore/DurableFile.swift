import FoundationEssentials
import SaturnDomain

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// File operations that reach the disk before they return, with errors that name the file and the system's reason.
enum DurableFile {
    /// Writes `bytes` to `path` whole: a temporary file, fsync, rename over `path`, fsync of the folder.
    static func replace(_ path: String, with bytes: [UInt8]) throws(StoreError) {
        let temporary = "\(path).tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(temporary) }
        do throws(StoreError) {
            try writeAll(bytes, to: descriptor, path: temporary)
            guard fsync(descriptor) == 0 else { throw failure(temporary) }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
        try syncFolder(of: path)
    }

    /// Writes every byte at the descriptor's position, retrying short writes.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(StoreError) {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { throw failure(path) }
            offset += count
        }
    }

    /// Fsyncs the folder holding `path`, so that a file created or renamed in it survives a crash.
    static func syncFolder(of path: String) throws(StoreError) {
        let folder = StoreLayout.folder(of: path)
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(folder) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure(folder) }
    }

    /// The whole content of a file, or nil when it does not exist.
    static func read(_ path: String) throws(StoreError) -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path, reason: "the file cannot be read")
        }
        return Array(data)
    }

    /// A write error for `path` with the current `errno`.
    static func failure(_ path: String) -> StoreError {
        .writeFailed(file: path, reason: String(cString: strerror(errno)))
    }
}
