/// Why an image cannot be read: the registry's answer, a file that is not an image, a layer that is not an archive.
/// Its description is a sentence a person can act on.
public enum InspectionError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The registry has no manifest for the reference (`MANIFEST_UNKNOWN`, or a 404).
    case manifestUnknown(reference: String, registry: String)
    /// The registry refused the credentials, or asked for some and none were given.
    case unauthorized(reference: String, registry: String)
    /// The registry answered something else: its status and what it said.
    case registry(reference: String, status: Int, message: String)
    /// The registry could not be reached.
    case unreachable(url: String, reason: String)
    /// The image's files are not what an image is made of.
    case unreadable(String)

    public var description: String {
        switch self {
        case let .manifestUnknown(reference, registry):
            return "manifest unknown: \(registry) has no manifest for \(reference)"
        case let .unauthorized(reference, registry):
            return "unauthorized: \(registry) refused to serve \(reference) with the credentials given (give them with --registry-auth HOST=USER:PASSWORD or in ~/.docker/config.json)"
        case let .registry(reference, status, message):
            return "the registry answered \(status) for \(reference): \(message)"
        case let .unreachable(url, reason):
            return "cannot reach the registry at \(url): \(reason)"
        case let .unreadable(reason):
            return reason
        }
    }
}
