import Foundation

/// The `--port-file`: written whole or not at all, so a harness never reads half a number.
enum PortFile {
    static func write(_ port: Int, to path: String) throws {
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try Data("\(port)\n".utf8).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path) == 0 else {
            throw PortFileError(path: path, reason: String(cString: strerror(errno)))
        }
    }
}

/// The port file could not be put in place.
struct PortFileError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "cannot write the port file \(path): \(reason)" }
}
