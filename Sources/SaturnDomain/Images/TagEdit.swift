/// What `PATCH /api/images/{id}/tags/{tag_id}` changes: a new version name (a rename), the description, whether it
/// is archived; a nil field is left as it is.
public struct TagEdit: Sendable {
    public var version: String?
    public var description: String?
    public var archived: Bool?

    /// No change.
    public init() {}
}
