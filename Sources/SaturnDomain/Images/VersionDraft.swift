/// A version as a request gives it; nil fields keep their stored value.
public struct VersionDraft: Equatable, Sendable {
    /// The JSON path of this version in the request.
    public var path: String
    public var name: String
    public var imageURI: String
    public var description: String?
    public var archived: Bool?
    public var buildData: [String: String]?
}
