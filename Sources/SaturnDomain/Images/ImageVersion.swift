import FoundationEssentials

/// One stored version of an image (Saturn's image tag), with an id stable for its life.
public struct ImageVersion: Equatable, Sendable {
    public var id: RecordID
    public var name: String
    public var imageURI: String
    public var description: String?
    public var archived: Bool
    public var buildData: [String: String]?
    /// When it was added to the image.
    public var createdAt: Date

    /// Creates a version.
    public init(
        id: RecordID, name: String, imageURI: String, description: String?, archived: Bool, buildData: [String: String]?, createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.imageURI = imageURI
        self.description = description
        self.archived = archived
        self.buildData = buildData
        self.createdAt = createdAt
    }
}
