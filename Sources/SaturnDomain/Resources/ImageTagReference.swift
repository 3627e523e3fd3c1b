/// The image version a resource names, in any of Saturn's `ImageTagReference` forms; resolved against the images
/// the caller can see when the recipe is applied.
public enum ImageTagReference: Equatable, Sendable {
    /// `{"tag_id"}`.
    case tagID(String)
    /// `{"uri", "owner"?}`: the version whose `image_uri` this is.
    case uri(String, owner: OwnerReference?)
    /// `{"name", "version", "owner"?}`, or the string form `[org/identity/]name:version`.
    case name(String, version: String, owner: OwnerReference?)

    /// How a message names it.
    public var description: String {
        switch self {
        case let .tagID(id): return "tag id '\(id)'"
        case let .uri(uri, _): return "image URI '\(uri)'"
        case let .name(name, version, _): return "'\(name):\(version)'"
        }
    }
}
