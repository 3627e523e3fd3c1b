import FoundationEssentials
import Glibc

/// Reads `SATURN_MOCK_<OPTION>` from the environment for every `serve` option not given on the command line.
enum EnvironmentDefaults {
    /// Options that take a value.
    static let valueOptions = [
        "host", "port", "seed", "data-dir", "port-file", "log-level", "max-body-bytes", "connection-timeout", "compact-after-bytes",
        "control-token", "max-tenants", "max-connections", "journal-size", "clock", "max-state-bytes", "drain-timeout",
        "start-delay", "stop-delay", "job-run-time", "registry", "registry-auth", "docker-config",
    ]
    /// Options that are on or off.
    static let flagOptions = ["in-memory", "strict", "recover", "deterministic-ids"]

    /// The environment variable that stands for an option: `--data-dir` reads `SATURN_MOCK_DATA_DIR`.
    static func variable(for option: String) -> String {
        "SATURN_MOCK_" + option.uppercased().replacing("-", with: "_")
    }

    /// The command line's arguments, with environment values appended for `serve` options it leaves out.
    static func arguments(
        _ given: [String] = Array(CommandLine.arguments.dropFirst()),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> [String] {
        guard given.first == "serve" else { return given }
        var result = given
        func isGiven(_ option: String) -> Bool {
            given.contains { $0 == "--\(option)" || $0.hasPrefix("--\(option)=") }
        }
        for option in valueOptions where !isGiven(option) {
            // One argument, `--option=value`, so that a value starting with a dash (`-1`) is not read as an option.
            if let value = environment[variable(for: option)] { result.append("--\(option)=\(value)") }
        }
        for option in flagOptions where !isGiven(option) {
            guard let value = environment[variable(for: option)] else { continue }
            switch value.lowercased() {
            case "1", "true", "yes", "on": result.append("--\(option)")
            case "0", "false", "no", "off", "": break
            default: throw EnvironmentError(variable: variable(for: option), value: value)
            }
        }
        return result
    }
}
