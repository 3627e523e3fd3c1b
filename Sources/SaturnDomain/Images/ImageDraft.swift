/// An image as a request gives it, after validation; a nil field was left out and keeps its stored value.
public struct ImageDraft: Equatable, Sendable {
    /// The JSON path of this image in the request, for error messages (`images[1]`, `spec`).
    public var path: String
    public var name: String
    public var owner: OwnerReference?
    public var description: String?
    public var hardwareType: HardwareType?
    public var supports: [String]?
    public var access: RecipeAccess?
    public var versions: [VersionDraft]

    /// Creates a draft.
    public init(
        path: String, name: String, owner: OwnerReference?, description: String?, hardwareType: HardwareType?,
        supports: [String]?, access: RecipeAccess?, versions: [VersionDraft]
    ) {
        self.path = path
        self.name = name
        self.owner = owner
        self.description = description
        self.hardwareType = hardwareType
        self.supports = supports
        self.access = access
        self.versions = versions
    }
}
