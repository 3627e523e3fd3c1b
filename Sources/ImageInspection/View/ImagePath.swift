/// Paths inside an image, as the merged view keys them: relative to the root, no `./` or `/` before, no `/` after,
/// no `.` components (`./opt/saturncloud/` and `/opt/saturncloud` are both `opt/saturncloud`).
enum ImagePath {
    /// The path as the view keys it; empty for the root.
    static func normalize(_ raw: String) -> String {
        var components: [Substring] = []
        for part in raw.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(part)
            }
        }
        return components.joined(separator: "/")
    }

    /// The folder that holds `path`; empty for a top-level path.
    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The last component of `path`.
    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Whether `path` lies strictly inside the folder `directory`.
    static func isInside(_ path: String, _ directory: String) -> Bool {
        guard !directory.isEmpty else { return !path.isEmpty }
        let bytes = path.utf8
        guard bytes.count > directory.utf8.count, bytes.starts(with: directory.utf8) else { return false }
        return bytes[bytes.index(bytes.startIndex, offsetBy: directory.utf8.count)] == UInt8(ascii: "/")
    }

    /// `path` joined onto `directory`.
    static func join(_ directory: String, _ path: String) -> String {
        normalize(directory.isEmpty ? path : directory + "/" + path)
    }
}
