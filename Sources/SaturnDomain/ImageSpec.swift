import FoundationEssentials

/// The hardware an image runs on, as Saturn's modern API spells it.
public enum HardwareType: String, Sendable, CaseIterable {
    case cpu = "CPU"
    case nvidia = "NVIDIA"
    case amd = "AMD"
}

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

/// What an image recipe holds (Saturn's `ImageSpec` without name and owner, which every recipe has): the merged
/// result of every apply.
public struct ImageSpec: Equatable, Sendable {
    public var description: String
    public var hardwareType: HardwareType
    public var supports: [String]?
    public var access: RecipeAccess
    public var versions: [ImageVersion]

    /// Creates an image spec.
    public init(description: String, hardwareType: HardwareType, supports: [String]?, access: RecipeAccess, versions: [ImageVersion]) {
        self.description = description
        self.hardwareType = hardwareType
        self.supports = supports
        self.access = access
        self.versions = versions
    }
}
