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
            case let .resource(resource): resource.writeStored(to: &json)
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
        var resource: ResourceSpec?
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
                // The type is written before the spec.
                if let kind = type.flatMap(ResourceKind.init) {
                    resource = try ResourceSpec(storedFrom: &parser, kind: kind)
                } else {
                    try parser.readObject { parser, key throws(JSONSyntaxError) in
                        if try !image.read(key, from: &parser) { try parser.skipValue() }
                    }
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
        if let resource {
            spec = .resource(resource)
        } else if type ?? .image == .image {
            spec = .image(try image.spec(parser))
        } else {
            throw parser.failure("a stored \(type?.rawValue ?? "") recipe has no spec")
        }
        return (tenant, Recipe(id: RecordID(id), owner: OwnerPath(org: org, identity: identity), name: name, spec: spec, createdAt: createdAt))
    }
}
