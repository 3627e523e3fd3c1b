import FoundationEssentials
import SaturnDomain

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// File operations that reach the disk before they return, with errors that name the file and the system's reason.
enum DurableFile {
    /// Writes `bytes` to `path` whole: a temporary file (beside it, unless named), fsync, rename over `path`, fsync
    /// of the folder.
    static func replace(_ path: String, with bytes: [UInt8], temporary: String? = nil) throws(StoreError) {
        let temporary = temporary ?? "\(path).tmp-\(getpid())"
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
    static func writeAll(_ bytes: some Collection<UInt8> & ContiguousBytes, to descriptor: Int32, path: String) throws(StoreError) {
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

    /// The whole content of a file, or nil when it does not exist. Read straight into the array: through `Data`
    /// it was copied twice, 30 ms of the start with a snapshot of 100,000 recipes.
    static func read(_ path: String) throws(StoreError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw unreadable(path)
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw unreadable(path) }
        // The data folder is locked while it is read, so the size cannot change; a short read ends the content.
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(status.st_size)) { buffer, count in
            while count < buffer.count {
                let read = Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if read < 0 && errno == EINTR { continue }
                guard read >= 0 else {
                    failed = true
                    return
                }
                if read == 0 { return }
                count += read
            }
        }
        guard !failed else { throw unreadable(path) }
        return bytes
    }

    private static func unreadable(_ path: String) -> StoreError {
        .unreadable(file: path, reason: "the file cannot be read (\(String(cString: strerror(errno))))")
    }

    /// A write error for `path` with the current `errno`.
    static func failure(_ path: String) -> StoreError {
        .writeFailed(file: path, reason: String(cString: strerror(errno)))
    }
}
