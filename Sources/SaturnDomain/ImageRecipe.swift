/// The hardware an image runs on, as Saturn's modern API spells it.
public enum HardwareType: String, Sendable, CaseIterable {
    case cpu = "CPU"
    case nvidia = "NVIDIA"
    case amd = "AMD"
}

/// Who may use an image: its owner, its org, or every org of the installation.
public enum ImageAccess: String, Sendable, CaseIterable {
    case account
    case org
    case owner
}

/// One stored version of an image (Saturn's image tag), with an id stable for its life.
public struct ImageVersion: Equatable, Sendable {
    public var id: String
    public var name: String
    public var imageURI: String
    public var description: String?
    public var archived: Bool
    public var buildData: [String: String]?
}

/// A stored image recipe: the merged result of every apply, identified by (owner, name).
public struct ImageRecipe: Equatable, Sendable {
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
}
