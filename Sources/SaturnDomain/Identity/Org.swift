/// An organization of the installation.
public struct Org: Equatable, Sendable {
    /// Stable id, derived from the name.
    public let id: String
    /// The org's name, unique in the installation.
    public let name: String
    /// True for the installation's primary org.
    public let isPrimary: Bool
    /// When the org was created, in Saturn's `%Y-%m-%dT%H:%M:%S+00:00` form.
    public let createdAt: String
    /// Contact email; Saturn requires one, the seed may leave it out.
    public var email: String
    /// Free text.
    public var description: String
    public var websiteURL: String?
    public var logoImageURL: String
    /// The org's usage limit (`/api/limits`), if one is set.
    public var limitsID: String?
    public var locked: Bool

    /// Creates an org.
    public init(
        id: String, name: String, isPrimary: Bool, createdAt: String, email: String, description: String, websiteURL: String? = nil,
        logoImageURL: String = "", limitsID: String? = nil, locked: Bool = false
    ) {
        self.id = id
        self.name = name
        self.isPrimary = isPrimary
        self.createdAt = createdAt
        self.email = email
        self.description = description
        self.websiteURL = websiteURL
        self.logoImageURL = logoImageURL
        self.limitsID = limitsID
        self.locked = locked
    }
}
