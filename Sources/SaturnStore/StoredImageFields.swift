import FoundationEssentials
import SaturnDomain
import SaturnJSON

/// The fields of a stored image spec as they are read, in whatever order they come.
struct StoredImageFields {
    var description, hardware, access: String?
    var supports: [String]?
    var versions: [ImageVersion] = []

    /// Reads `key`'s value when it is an image field; false leaves it to the caller.
    mutating func read(_ key: String, from parser: inout JSONParser) throws(JSONSyntaxError) -> Bool {
        switch key {
        case "description": description = try parser.readString()
        case "hardware_type": hardware = try parser.readString()
        case "access": access = try parser.readString()
        case "supports":
            var items: [String] = []
            try parser.readArray { parser throws(JSONSyntaxError) in items.append(try parser.readString()) }
            supports = items
        case "versions":
            try parser.readArray { parser throws(JSONSyntaxError) in versions.append(try ImageVersion(storedFrom: &parser)) }
        default:
            return false
        }
        return true
    }

    func spec(_ parser: JSONParser) throws(JSONSyntaxError) -> ImageSpec {
        guard let description, let hardware, let access else {
            throw parser.failure("a stored image lacks one of description, hardware_type, access")
        }
        guard let hardwareType = HardwareType(rawValue: hardware), let recipeAccess = RecipeAccess(rawValue: access) else {
            throw parser.failure("a stored image has an unknown hardware_type '\(hardware)' or access '\(access)'")
        }
        return ImageSpec(description: description, hardwareType: hardwareType, supports: supports, access: recipeAccess, versions: versions)
    }
}
