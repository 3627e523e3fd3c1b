import FoundationEssentials
import SaturnDomain
import SaturnJSON

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
            // The pull's facts (serve --registry), written only when there are some: a store without them loads as before.
            if awaitingPull {
                json.key("awaiting_pull")
                json.bool(true)
            }
            if let pulledAt {
                json.key("pulled_at")
                json.string(UTCTimestamp.format(pulledAt))
            }
            if let imageDigest {
                json.key("image_digest")
                json.string(imageDigest)
            }
            if !unmetRequirements.isEmpty {
                json.key("unmet_requirements")
                json.array(unmetRequirements) { json, line in json.string(line) }
            }
        }
    }

    /// Reads a stored run.
    init(storedFrom parser: inout JSONParser) throws(JSONSyntaxError) {
        var number: Int?
        var requestedAt, stopRequestedAt: Date?
        var imageURI, command, failure, imageDigest: String?
        var debugMode = false, awaitingPull = false
        var pulledAt: Date?
        var unmetRequirements: [String] = []
        try parser.readObject { parser, key throws(JSONSyntaxError) in
            switch key {
            case "number": number = try parser.readInteger()
            case "requested_at": requestedAt = try StoredTime.read(&parser)
            case "stop_requested_at": stopRequestedAt = try StoredTime.read(&parser)
            case "image_uri": imageURI = try parser.readString()
            case "command": command = try parser.readString()
            case "debug_mode": debugMode = try parser.readBool()
            case "failure": failure = try parser.readString()
            case "awaiting_pull": awaitingPull = try parser.readBool()
            case "pulled_at": pulledAt = try StoredTime.read(&parser)
            case "image_digest": imageDigest = try parser.readString()
            case "unmet_requirements":
                try parser.readArray { parser throws(JSONSyntaxError) in unmetRequirements.append(try parser.readString()) }
            default: try parser.skipValue()
            }
        }
        guard let number, let requestedAt, let imageURI else { throw parser.failure("a stored run lacks one of number, requested_at, image_uri") }
        self.init(
            number: number, requestedAt: requestedAt, stopRequestedAt: stopRequestedAt, imageURI: imageURI, command: command,
            debugMode: debugMode, failure: failure, awaitingPull: awaitingPull, pulledAt: pulledAt, imageDigest: imageDigest,
            unmetRequirements: unmetRequirements
        )
    }
}
