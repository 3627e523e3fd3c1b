/// What `PATCH /api/images/{id}` changes: each given field replaces the image's; a nil one is left as it is. A new
/// name renames the image, keeping its id.
public struct ImageEdit: Sendable {
    public var name: String?
    public var description: String?
    public var hardwareType: HardwareType?
    public var supports: [String]?
    public var access: RecipeAccess?

    /// No change.
    public init() {}
}
