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
