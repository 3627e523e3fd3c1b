import FoundationEssentials
import SaturnDomain

#if canImport(Glibc)
import Glibc
#endif

/// One owner per data folder: an exclusive `flock` on `saturn-mock.lock`, which holds the owner's pid.
/// The kernel drops the lock when the process dies, even by `kill -9`.
final class DataFolderLock: Sendable {
    private let descriptor: Int32

    init(layout: StoreLayout) throws(StoreError) {
        let descriptor = open(layout.lock, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw DurableFile.failure(layout.lock) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = pread(descriptor, &buffer, buffer.count, 0)
            close(descriptor)
            let pid = String(decoding: buffer.prefix(max(0, count)).filter { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }, as: UTF8.self)
            throw .locked(folder: layout.folder, pid: pid.isEmpty ? "unknown" : pid)
        }
        ftruncate(descriptor, 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pwrite(descriptor, pid, pid.count, 0)
        self.descriptor = descriptor
    }

    /// Releases the folder. Unlocked before it is closed: a process forked by another thread meanwhile (a test
    /// suite starting servers) shares the descriptor until it execs, and closing alone would leave the lock held
    /// until then.
    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
