import SaturnJSON

/// What the image configuration says that the requirements read: its environment, and its platform.
struct ImageConfiguration: Sendable {
    /// `config.Env`, in order.
    var environment: [String] = []
    /// `os/architecture`.
    var platform: String?

    /// The configuration in `bytes`.
    init(_ bytes: [UInt8], what: String) throws(InspectionError) {
        guard case let .object(members)? = try? JSONValue.parse(bytes) else {
            throw .unreadable("the configuration of \(what) is not a JSON object")
        }
        if case let .object(config)? = members["config"], case let .array(variables)? = config["Env"] {
            environment = variables.compactMap { if case let .string(text) = $0 { text } else { nil } }
        }
        if case let .string(os)? = members["os"], case let .string(architecture)? = members["architecture"] {
            platform = "\(os)/\(architecture)"
        }
    }
}
