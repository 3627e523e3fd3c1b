import SaturnDomain
import SaturnJSON

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
