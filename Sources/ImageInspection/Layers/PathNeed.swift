/// A part of an image that a requirement looks at. A layer keeps only the entries some requirement needs (and
/// every symbolic link, to follow paths through them), and reads the content of only the files it needs to read.
public enum PathNeed: Sendable, Equatable {
    /// One path; with `content`, its bytes are read.
    case path(String, content: Bool)
    /// The entries directly inside a folder; with `content`, the bytes of each file.
    case children(String, content: Bool)
    /// Every entry under a folder, for its owner and permission bits.
    case tree(String)
    /// Every file of this name wherever it lies, with its content: a file reached through a link (Debian's
    /// `usr/lib/R/etc` is a link to `etc/R`) is found without knowing where the link points.
    case named(String)
}
