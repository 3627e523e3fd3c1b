import SaturnJSON

/// A workspace, job or deployment as a request gives it, after its shape was checked; the image and the size are
/// checked against the installation when it is applied.
public struct ResourceDraft: Equatable, Sendable {
    /// The JSON path of the spec in the request.
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

    /// Creates a draft.
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
    }
}
