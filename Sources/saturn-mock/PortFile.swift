import FoundationEssentials
import Glibc

/// The `--port-file`: written whole or not at all, so a harness never reads half a number.
enum PortFile {
    static func write(_ port: Int, to path: String) throws {
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        let bytes = Array("\(port)\n".utf8)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw PortFileError(path: path, reason: String(cString: strerror(errno))) }
        let written = Glibc.write(descriptor, bytes, bytes.count)
        close(descriptor)
        guard written == bytes.count, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw PortFileError(path: path, reason: reason)
        }
    }
}
