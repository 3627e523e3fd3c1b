/// What the requirements judge: the merged files they asked for, and the image's configuration.
public struct ImageContents: Sendable {
    public let files: MergedView
    /// The image configuration's `Env` (`PATH=...`), in order.
    public let environment: [String]

    /// Contents of an image.
    public init(files: MergedView, environment: [String]) {
        self.files = files
        self.environment = environment
    }

    /// The value of an environment variable of the image's configuration.
    func variable(_ name: String) -> String? {
        environment.last { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1)) }
    }
}
