import FoundationEssentials
import SaturnJSON

/// The installation's instance sizes, disk sizes and auto-shutoff choices (`GET /api/info/servers`): data a team
/// can match to its own installation. The seed names the file (`"servers": "servers.json"`, beside the seed); a
/// seed that names none has no sizes.
public struct ServerCatalog: Sendable {
    /// One instance size (Saturn's `InstanceSize`).
    public struct Size: Sendable, Equatable {
        public let name: String
        public let cores: Int
        public let memory: String
        public let gpu: Int
        public let gpuType: String?
        public let hardwareType: HardwareType
        public let cloud: String
        public let displayName: String

        /// How Saturn shows a size: name, cores, memory, GPUs.
        public var display: String {
            "\(displayName) - \(cores) cores - \(memory)" + (gpu > 0 ? " - \(gpu) \(gpuType ?? "GPU")" : "")
        }
    }

    public let autoShutoff: [String]
    /// Disk sizes: value and what a person reads.
    public let diskSpace: [(value: String, display: String)]
    /// Sizes by name, in name order.
    public let sizes: [Size]

    /// No sizes at all.
    public static let empty = ServerCatalog(autoShutoff: [], diskSpace: [], sizes: [])

    /// The catalogue the seed at `seedPath` names, read from beside it; `empty` when it names none.
    public static func load(seedPath: String) throws(SeedError) -> ServerCatalog {
        guard let seed = FileManager.default.contents(atPath: seedPath),
              case let .object(top)? = try? JSONValue.parse(Array(seed)), case let .string(name)? = top["servers"] else { return .empty }
        let folder = seedPath.contains("/") ? String(seedPath[..<seedPath.lastIndex(of: "/")!]) : "."
        let path = name.hasPrefix("/") ? name : "\(folder)/\(name)"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SeedError(file: seedPath, entry: "servers", rule: "names '\(path)', which cannot be read")
        }
        return try parse(Array(data), file: path)
    }

    /// Reads a catalogue; the error names the file, the entry and the rule.
    public static func parse(_ bytes: [UInt8], file: String) throws(SeedError) -> ServerCatalog {
        var issues = ValidationIssues()
        let document: JSONValue
        do { document = try JSONValue.parse(bytes) } catch {
            throw SeedError(file: file, entry: "(file)", rule: "is not valid JSON: \(error.reason)")
        }
        guard let top = JSONFields(document, path: "", issues: &issues) else { throw firstProblem(issues, file) }
        top.rejectUnknown(allowed: ["auto_shutoff", "disk_space", "sizes"], issues: &issues)
        let autoShutoff = top.strings("auto_shutoff", issues: &issues) ?? []
        var diskSpace: [(value: String, display: String)] = []
        for (index, item) in (top.array("disk_space", issues: &issues) ?? []).enumerated() {
            guard let disk = JSONFields(item, path: "disk_space[\(index)]", issues: &issues) else { continue }
            disk.rejectUnknown(allowed: ["value", "display_str"], issues: &issues)
            if let value = disk.string("value", required: true, issues: &issues), let display = disk.string("display_str", required: true, issues: &issues) {
                diskSpace.append((value, display))
            }
        }
        var sizes: [Size] = []
        if case let .object(entries)? = top.values["sizes"] {
            for (name, value) in entries.sorted(by: { $0.key < $1.key }) {
                if let size = readSize(name, value, issues: &issues) { sizes.append(size) }
            }
        } else {
            issues.add("sizes", "is required: an object of size name to size")
        }
        guard issues.isEmpty else { throw firstProblem(issues, file) }
        return ServerCatalog(autoShutoff: autoShutoff, diskSpace: diskSpace, sizes: sizes)
    }

    private static func readSize(_ name: String, _ value: JSONValue, issues: inout ValidationIssues) -> Size? {
        guard let fields = JSONFields(value, path: "sizes.\(name)", issues: &issues) else { return nil }
        fields.rejectUnknown(allowed: ["cores", "memory", "gpu", "gpu_type", "hardware_type", "cloud", "display_name"], issues: &issues)
        let cores = fields.integer("cores", in: 1...100_000, issues: &issues)
        if fields.values["cores"] == nil { issues.add(fields.path("cores"), "is required") }
        let memory = fields.string("memory", required: true, issues: &issues)
        let gpu = fields.integer("gpu", in: 0...1_000, issues: &issues) ?? 0
        let gpuType = fields.string("gpu_type", issues: &issues)
        let hardware = fields.oneOf("hardware_type", HardwareType.allCases.map(\.rawValue), required: true, issues: &issues)
        let cloud = fields.string("cloud", required: true, issues: &issues)
        let displayName = fields.string("display_name", issues: &issues) ?? name
        guard let cores, let memory, let hardwareType = hardware.flatMap(HardwareType.init(rawValue:)), let cloud else { return nil }
        return Size(name: name, cores: cores, memory: memory, gpu: gpu, gpuType: gpuType, hardwareType: hardwareType, cloud: cloud, displayName: displayName)
    }

    private static func firstProblem(_ issues: ValidationIssues, _ file: String) -> SeedError {
        let first = issues.problems.first
        return SeedError(file: file, entry: first?.path ?? "(file)", rule: first?.problem ?? "is not a server catalogue")
    }
}
