import ArgumentParser

/// The `saturn-mock` command: `serve`, and `check-image`.
@main
struct SaturnMockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "saturn-mock",
        abstract: "A local, offline stand-in for the Saturn Cloud API.",
        version: "0.1.0",
        subcommands: [ServeCommand.self, CheckImageCommand.self]
    )

    static func main() {
        do {
            var command = try parseAsRoot(EnvironmentDefaults.arguments())
            try command.run()
            StandardErrorBuffer.shared.flush()
        } catch {
            StandardErrorBuffer.shared.flush()
            exit(withError: error)
        }
    }
}
