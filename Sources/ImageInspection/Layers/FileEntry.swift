/// One file of an image as the checks see it: its kind, owner, permission bits and, for the few files a check reads,
/// its content.
public struct FileEntry: Sendable, Equatable {
    /// What the entry is.
    public enum Kind: Sendable, Equatable {
        case file
        case directory
        /// A symbolic link to this target, as written in the layer (absolute or relative).
        case symlink(String)
        /// Anything else: a device, a fifo, a socket.
        case other
    }

    /// What the entry is.
    public var kind: Kind
    /// The owner's numeric id, as the layer's tar header records it.
    public var uid: Int
    /// The permission bits (`0o755`).
    public var permissions: UInt32
    /// The content, for a regular file a check reads; nil for every other entry.
    public var content: [UInt8]?

    /// Creates an entry.
    public init(kind: Kind, uid: Int, permissions: UInt32, content: [UInt8]? = nil) {
        self.kind = kind
        self.uid = uid
        self.permissions = permissions
        self.content = content
    }

    /// The content as text (lossy UTF-8), empty when it was not read.
    public var text: String { content.map { String(decoding: $0, as: UTF8.self) } ?? "" }
}
