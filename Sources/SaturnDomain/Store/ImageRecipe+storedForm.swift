/// How an image recipe is written in the journal and the snapshot: the fields of `ImageRecipe`, with Saturn's names.
extension ImageRecipe {
    /// Writes the stored form.
    func writeStored(to output: inout JSONOutput) {
        output.object { json in
            json.key("id")
            json.string(id)
            json.key("owner")
            json.string(owner.description)
            json.key("name")
            json.string(name)
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
            json.array(versions) { json, version in
                json.object { json in
                    json.key("id")
                    json.string(version.id)
                    version.writeTagFields(to: &json)
                }
            }
        }
    }

    /// Reads the stored form straight from the parser, without building a tree: loading 100,000 recipes at start
    /// is dominated by this. The error names the byte offset and the field.
    init(storedFrom parser: inout JSONParser) throws(JSONSyntaxError) {
        var id, owner, name, description, hardware, access: String?
        var supports: [String]?
        var versions: [ImageVersion] = []
        try parser.readObject { parser, key throws(JSONSyntaxError) in
            switch key {
            case "id": id = try parser.readString()
            case "owner": owner = try parser.readString()
            case "name": name = try parser.readString()
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
                try parser.skipValue()
            }
        }
        guard let id, let owner, let name, let description, let hardware, let access else {
            throw parser.failure("a stored image lacks one of id, owner, name, description, hardware_type, access")
        }
        guard let parts = OwnerPath.parts(of: owner), let org = parts.org, let identity = parts.identity else {
            throw parser.failure("a stored image's owner '\(owner)' is not org/identity")
        }
        guard let hardwareType = HardwareType(rawValue: hardware), let imageAccess = ImageAccess(rawValue: access) else {
            throw parser.failure("a stored image has an unknown hardware_type '\(hardware)' or access '\(access)'")
        }
        self.init(
            id: id, owner: OwnerPath(org: org, identity: identity), name: name, description: description,
            hardwareType: hardwareType, supports: supports, access: imageAccess, versions: versions
        )
    }
}

extension ImageVersion {
    /// Writes the members Saturn's `ImageTagRecipe` has (name, image_uri, description, archived, build_data), into an
    /// object the caller opened: the API's answers and the store both use them.
    public func writeTagFields(to json: inout JSONOutput) {
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
    }

    /// Reads a stored version (see `ImageRecipe.init(storedFrom:)`).
    init(storedFrom parser: inout JSONParser) throws(JSONSyntaxError) {
        var id, name, imageURI, description: String?
        var archived = false
        var buildData: [String: String]?
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
            default:
                try parser.skipValue()
            }
        }
        guard let id, let name, let imageURI else { throw parser.failure("a stored version lacks one of id, name, image_uri") }
        self.init(id: id, name: name, imageURI: imageURI, description: description, archived: archived, buildData: buildData)
    }
}
