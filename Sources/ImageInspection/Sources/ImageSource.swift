import FoundationEssentials

/// Where an image is read from: a registry (`REF`, `docker://REF`), an OCI layout folder (`oci:DIR[:TAG]`, or a
/// folder), or one tar file, a `docker save` archive or an archived OCI layout (`docker-archive:FILE`,
/// `oci-archive:FILE[:TAG]`, or a file).
public enum ImageSource: Sendable, Equatable {
    case registry(ImageName)
    case layout(String, tag: String?)
    case archive(String, tag: String?)

    /// The source an argument names; a path that exists is read as a folder or a file, anything else as a reference.
    public init(_ argument: String) throws(InspectionError) {
        if argument.hasPrefix("docker://") {
            self = .registry(try ImageName(String(argument.dropFirst(9))))
        } else if argument.hasPrefix("oci:") {
            let (path, tag) = Self.pathAndTag(argument.dropFirst(4))
            self = .layout(path, tag: tag)
        } else if argument.hasPrefix("oci-archive:") || argument.hasPrefix("docker-archive:") {
            let (path, tag) = Self.pathAndTag(argument.drop { $0 != ":" }.dropFirst())
            self = .archive(path, tag: tag)
        } else {
            var isFolder = false
            if FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) {
                self = isFolder ? .layout(argument, tag: nil) : .archive(argument, tag: nil)
            } else {
                self = .registry(try ImageName(argument))
            }
        }
    }

    /// `PATH:TAG` split at a colon after the path's last slash, when the whole is not an existing path.
    private static func pathAndTag(_ text: Substring) -> (String, String?) {
        let whole = String(text)
        guard !FileManager.default.fileExists(atPath: whole), let colon = text.lastIndex(of: ":"),
              !text[colon...].contains("/") else { return (whole, nil) }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
