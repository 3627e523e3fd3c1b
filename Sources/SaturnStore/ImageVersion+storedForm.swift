import SaturnDomain
import SaturnJSON

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
        self.init(id: RecordID(id), name: name, imageURI: imageURI, description: description, archived: archived, buildData: buildData, createdAt: createdAt)
    }
}
