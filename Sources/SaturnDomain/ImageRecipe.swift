/// The hardware an image runs on, as Saturn's modern API spells it.
public enum HardwareType: String, Codable, Sendable, CaseIterable {
    case cpu = "CPU"
    case nvidia = "NVIDIA"
    case amd = "AMD"
}

/// Who may use an image: its owner, its org, or every org of the installation.
public enum ImageAccess: String, Codable, Sendable, CaseIterable {
    case account
    case org
    case owner
}

/// One stored version of an image (Saturn's image tag), with an id stable for its life.
public struct ImageVersion: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var imageURI: String
    public var description: String?
    public var archived: Bool
    public var buildData: [String: String]?

    enum CodingKeys: String, CodingKey {
        case id, name, description, archived
        case imageURI = "image_uri"
        case buildData = "build_data"
    }
}

/// A stored image recipe: the merged result of every apply, identified by (owner, name).
public struct ImageRecipe: Codable, Equatable, Sendable {
    public var id: String
    public var owner: OwnerPath
    public var name: String
    public var description: String
    public var hardwareType: HardwareType
    public var supports: [String]?
    public var access: ImageAccess
    public var versions: [ImageVersion]

    /// The recipe type these records are listed under.
    public static let recipeType = "image"

    /// The key the catalog orders and finds this recipe by.
    public var key: RecipeKey { RecipeKey(type: Self.recipeType, owner: owner, name: name) }

    enum CodingKeys: String, CodingKey {
        case id, owner, name, description, supports, access, versions
        case hardwareType = "hardware_type"
    }
}

extension OwnerPath: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parts = OwnerPath.parts(of: text), let org = parts.org, let identity = parts.identity else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not an org/identity owner"))
        }
        self.init(org: org, identity: identity)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
