import Glibc

/// The port file could not be put in place.
struct PortFileError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "cannot write the port file \(path): \(reason)" }
}
