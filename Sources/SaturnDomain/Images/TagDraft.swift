/// A new tag of an image (`POST /api/images/{id}/tags`, Saturn's `ImageTagCreateExternal`): an existing image's URI,
/// and the version's name, made from the URI when none is given.
public struct TagDraft: Sendable {
    public var imageURI: String
    public var version: String?
    public var description: String?

    /// A draft of the tag of `imageURI`.
    public init(imageURI: String, version: String? = nil, description: String? = nil) {
        self.imageURI = imageURI
        self.version = version
        self.description = description
    }
}
