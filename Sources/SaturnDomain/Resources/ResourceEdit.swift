import SaturnJSON

/// What `PATCH /api/{type}s/{id}` changes: each given field replaces the spec's; a nil one is left as it is.
public struct ResourceEdit: Sendable {
    /// A new name: the resource is renamed, keeping its id.
    public var name: String?
    /// Another image version, resolved as an apply's `spec.image` is.
    public var image: ImageTagReference?
    public var instanceType: String?
    public var command: String?
    public var schedule: String?
    /// Settings by their recipe name (`description`, `environment_variables`, `working_directory`, `scale`, …).
    public var settings: [String: JSONValue] = [:]
    /// Repositories attached by id, in place of `git_repositories` (`external_repo_attachments`).
    public var gitRepositories: [RepositoryAttachment]?

    /// The REST field that gave an image: `image_tag_id` or `image_uri`.
    static func imagePath(of image: ImageTagReference) -> String {
        if case .tagID = image { return "image_tag_id" }
        return "image_uri"
    }

    /// No change.
    public init() {}
}
