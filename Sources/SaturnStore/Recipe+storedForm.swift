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
        self.init(id: RecordID(id), name: name, imageURI: imageURI, description: description, archived: archived, buildData: buildData, createdAt: createdAt)
    }
}

extension ResourceSpec {
    /// Writes the stored form of a workspace's, job's or deployment's spec: the image by ids, the given settings as
    /// they were, and every run, newest first.
    func writeStored(to output: inout JSONOutput) {
        output.object { json in
            json.key("image_id")
            json.string(image.imageID)
            json.key("version_id")
            json.string(image.versionID)
            json.key("instance_type")
            json.string(instanceType)
            if let command {
                json.key("command")
                json.string(command)
            }
            if let schedule {
                json.key("schedule")
                json.string(schedule)
            }
            json.key("settings")
            json.value(.object(settings))
            json.key("updated_at")
            json.string(UTCTimestamp.format(updatedAt))
            json.key("scheduled")
            json.bool(lifecycle.scheduled)
            json.key("runs")
            json.array(lifecycle.runs) { json, run in run.writeStored(to: &json) }
        }
    }

    /// Reads a stored spec of `kind`.
    init(storedFrom parser: inout JSONParser, kind: ResourceKind) throws(JSONSyntaxError) {
        var imageID, versionID, instanceType, command, schedule: String?
        var settings: [String: JSONValue] = [:]
        var updatedAt = Recipe.unrecordedCreation
        var scheduled = false
        var runs: [ResourceRun] = []
        try parser.readObject { parser, key throws(JSONSyntaxError) in
            switch key {
            case "image_id": imageID = try parser.readString()
            case "version_id": versionID = try parser.readString()
            case "instance_type": instanceType = try parser.readString()
            case "command": command = try parser.readString()
            case "schedule": schedule = try parser.readString()
            case "settings":
                guard case let .object(members) = try parser.readValue() else { throw parser.failure("a stored resource's settings are not an object") }
                settings = members
            case "updated_at": updatedAt = try StoredTime.read(&parser)
            case "scheduled": scheduled = try parser.readBool()
            case "runs": try parser.readArray { parser throws(JSONSyntaxError) in runs.append(try ResourceRun(storedFrom: &parser)) }
            default: try parser.skipValue()
            }
        }
        guard let imageID, let versionID, let instanceType else {
            throw parser.failure("a stored \(kind.rawValue) lacks one of image_id, version_id, instance_type")
        }
        self.init(
            kind: kind, image: ImageBinding(imageID: RecordID(imageID), versionID: RecordID(versionID)), instanceType: instanceType,
            command: command, schedule: schedule, settings: settings, updatedAt: updatedAt,
            lifecycle: Lifecycle(current: runs.first, history: Array(runs.dropFirst()), scheduled: scheduled)
        )
    }
}

extension ResourceRun {
    /// Writes the stored form of a run.
    func writeStored(to output: inout JSONOutput) {
        output.object { json in
            json.key("number")
            json.integer(number)
            json.key("requested_at")
            json.string(UTCTimestamp.format(requestedAt))
            if let stopRequestedAt {
                json.key("stop_requested_at")
                json.string(UTCTimestamp.format(stopRequestedAt))
            }
            json.key("image_uri")
            json.string(imageURI)
            if let command {
                json.key("command")
                json.string(command)
            }
            json.key("debug_mode")
            json.bool(debugMode)
            if let failure {
                json.key("failure")
                json.string(failure)
            }
        }
    }

    /// Reads a stored run.
    init(storedFrom parser: inout JSONParser) throws(JSONSyntaxError) {
        var number: Int?
        var requestedAt, stopRequestedAt: Date?
        var imageURI, command, failure: String?
        var debugMode = false
        try parser.readObject { parser, key throws(JSONSyntaxError) in
            switch key {
            case "number": number = try parser.readInteger()
            case "requested_at": requestedAt = try StoredTime.read(&parser)
            case "stop_requested_at": stopRequestedAt = try StoredTime.read(&parser)
            case "image_uri": imageURI = try parser.readString()
            case "command": command = try parser.readString()
            case "debug_mode": debugMode = try parser.readBool()
            case "failure": failure = try parser.readString()
            default: try parser.skipValue()
            }
        }
        guard let number, let requestedAt, let imageURI else { throw parser.failure("a stored run lacks one of number, requested_at, image_uri") }
        self.init(
            number: number, requestedAt: requestedAt, stopRequestedAt: stopRequestedAt, imageURI: imageURI, command: command,
            debugMode: debugMode, failure: failure
        )
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
        guard let date = UTCTimestamp.parse(text) else { throw parser.failure("a stored time '\(text)' is not \(UTCTimestamp.expectation)") }
        return date
    }
}
