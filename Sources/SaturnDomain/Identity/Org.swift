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
    public let email: String
    /// Free text.
    public let description: String

    /// Creates an org.
    public init(id: String, name: String, isPrimary: Bool, createdAt: String, email: String, description: String) {
        self.id = id
        self.name = name
        self.isPrimary = isPrimary
        self.createdAt = createdAt
        self.email = email
        self.description = description
    }
}
