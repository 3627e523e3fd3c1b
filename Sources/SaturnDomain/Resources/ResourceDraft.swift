import SaturnJSON

/// A workspace, job or deployment as a request gives it, a recipe or Saturn's REST form, after its shape was
/// checked; the image, the size and the references are checked against the installation when it is applied.
public struct ResourceDraft: Equatable, Sendable {
    /// The JSON path of the spec in the request; empty for a REST body.
    public var path: String
    public var kind: ResourceKind
    public var name: String
    public var owner: OwnerReference?
    public var image: ImageTagReference
    public var instanceType: String
    public var command: String?
    public var schedule: String?
    /// Every other field of the spec, as given.
    public var settings: [String: JSONValue]
    public var desiredStatus: DesiredStatus?
    /// Where the request gave the image and the size: `spec.image` and `spec.instance_type` in a recipe, Saturn's
    /// REST names (`image_uri` or `image_tag_id`, `instance_size`) in a REST body.
    public var imagePath: String
    public var instanceTypePath: String
    /// Repositories attached by id (Saturn's REST `external_repo_attachments`), written into `git_repositories`.
    public var gitRepositories: [RepositoryAttachment]?

    /// Creates the draft of a recipe's spec at `path`.
    public init(
        path: String, kind: ResourceKind, name: String, owner: OwnerReference?, image: ImageTagReference, instanceType: String,
        command: String?, schedule: String?, settings: [String: JSONValue], desiredStatus: DesiredStatus?
    ) {
        self.path = path
        self.kind = kind
        self.name = name
        self.owner = owner
        self.image = image
        self.instanceType = instanceType
        self.command = command
        self.schedule = schedule
        self.settings = settings
        self.desiredStatus = desiredStatus
        imagePath = "\(path).image"
        instanceTypePath = "\(path).instance_type"
    }
}
