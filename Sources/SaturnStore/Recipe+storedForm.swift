import FoundationEssentials
import SaturnDomain
import SaturnJSON

/// How a recipe is written in the journal and the snapshot: `{"type", "id", "owner", "name", "spec": {...}}`, the
/// spec with Saturn's field names; a snapshot line also names its tenant. This form is the store's own: answers are
/// written by the API, never from it.
extension Recipe {
    /// Writes the stored form; `tenant` is written first when given (snapshot lines of tenants but the default).
    func writeStored(to output: inout JSONOutput, tenant: String? = nil) {
        output.object { json in
            if let tenant {
                json.key("tenant")
                json.string(tenant)
            }
            json.key("type")
            json.string(type.rawValue)
            json.key("id")
            json.string(id)
            json.key("owner")
            json.string(owner.description)
            json.key("name")
            json.string(name)
            json.key("created_at")
            json.string(UTCTimestamp.format(createdAt))
            json.key("spec")
            switch spec {
            case let .image(image): image.writeStored(to: &json)
            }
        }
    }

    /// Reads the stored form straight from the parser, without building a tree: loading 100,000 recipes at start
    /// is dominated by this. Reads format 1 too, where every recipe was an image whose fields stood beside its id.
    /// The error names the byte offset and the field.
    static func readStored(from parser: inout JSONParser) throws(JSONSyntaxError) -> (tenant: String?, recipe: Recipe) {
        var tenant: String?
        var type: RecipeType?
        var id, owner, name: String?
        var createdAt = Recipe.unrecordedCreation
        var image = StoredImageFields()
        try parser.readObject { parser, key throws(JSONSyntaxError) in
            switch key {
            case "tenant": tenant = try parser.readString()
            case "type":
                let text = try parser.readString()
                guard let known = RecipeType(rawValue: text) else { throw parser.failure("a stored recipe has an unknown type '\(text)'") }
                type = known
            case "id": id = try parser.readString()
            case "owner": owner = try parser.readString()
            case "name": name = try parser.readString()
            case "created_at": createdAt = try StoredTime.read(&parser)
            case "spec":
                try parser.readObject { parser, key throws(JSONSyntaxError) in
                    if try !image.read(key, from: &parser) { try parser.skipValue() }
                }
            default:
                if try !image.read(key, from: &parser) { try parser.skipValue() }
            }
        }
        guard let id, let owner, let name else { throw parser.failure("a stored recipe lacks one of id, owner, name") }
        guard let parts = OwnerPath.parts(of: owner), let org = parts.org, let identity = parts.identity else {
            throw parser.failure("a stored recipe's owner '\(owner)' is not org/identity")
        }
        let spec: RecipeSpec
        switch type ?? .image {
        case .image: spec = .image(try image.spec(parser))
        case let other: throw parser.failure("a stored recipe has type '\(other.rawValue)', which this build does not store")
        }
        return (tenant, Recipe(id: id, owner: OwnerPath(org: org, identity: identity), name: name, spec: spec, createdAt: createdAt))
    }
}

extension ImageSpec {
    /// Writes the stored form of an image's spec.
    func writeStored(to output: inout JSONOutput) {
        output.object { json in
            json.key("description")
            json.string(description)
            json.key("hardware_type")
            json.string(hardwareType.rawValue)
            if let supports {
                json.key("supports")
                json.array(supports) { json, item in json.string(item) }
            }
            json.key("access")
            json.string(access.rawValue)
            json.key("versions")
            json.array(versions) { json, version in version.writeStored(to: &json) }
        }
    }
}

extension ImageVersion {
    /// Writes the stored form of a version.
    func writeStored(to output: inout JSONOutput) {
        output.object { json in
            json.key("id")
            json.string(id)
            json.key("name")
            json.string(name)
            json.key("image_uri")
            json.string(imageURI)
            if let description {
                json.key("description")
                json.string(description)
            }
            json.key("archived")
            json.bool(archived)
            if let buildData {
                json.key("build_data")
                json.object(sorted: buildData) { json, value in json.string(value) }
            }
            json.key("created_at")
            json.string(UTCTimestamp.format(createdAt))
        }
    }

    /// Reads a stored version.
    init(storedFrom parser: inout JSONParser) throws(JSONSyntaxError) {
        var id, name, imageURI, description: String?
        var archived = false
        var buildData: [String: String]?
        var createdAt = Recipe.unrecordedCreation
        try parser.readObject { parser, key throws(JSONSyntaxError) in
            switch key {
            case "id": id = try parser.readString()
            case "name": name = try parser.readString()
            case "image_uri": imageURI = try parser.readString()
            case "description": description = try parser.readString()
            case "archived": archived = try parser.readBool()
            case "build_data":
                var entries: [String: String] = [:]
                try parser.readObject { parser, key throws(JSONSyntaxError) in entries[key] = try parser.readString() }
                buildData = entries
            case "created_at": createdAt = try StoredTime.read(&parser)
            default:
                try parser.skipValue()
            }
        }
        guard let id, let name, let imageURI else { throw parser.failure("a stored version lacks one of id, name, image_uri") }
        self.init(id: id, name: name, imageURI: imageURI, description: description, archived: archived, buildData: buildData, createdAt: createdAt)
    }
}

/// The fields of a stored image spec as they are read, in whatever order they come.
private struct StoredImageFields {
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

/// Times as the store writes them (`UTCTimestamp`), read back with the parser's position in any error.
enum StoredTime {
    static func read(_ parser: inout JSONParser) throws(JSONSyntaxError) -> Date {
        let text = try parser.readString()
        guard let date = UTCTimestamp.parse(text) else { throw parser.failure("a stored time '\(text)' is not ISO 8601") }
        return date
    }
}
