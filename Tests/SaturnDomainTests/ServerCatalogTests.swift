import Foundation
import Testing
@testable import SaturnDomain

@Suite("Server catalogue")
struct ServerCatalogTests {
    static let seedPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../data/seed.json").standardized.path

    @Test("the repository's seed names data/servers.json: CPU and GPU sizes, in name order")
    func shipped() throws {
        let servers = try ServerCatalog.load(seedPath: Self.seedPath)
        #expect(servers.sizes.count == 9)
        #expect(servers.sizes.map(\.name) == servers.sizes.map(\.name).sorted())
        let t4 = try #require(servers.sizes.first { $0.name == "g4dnxlarge" })
        #expect(t4.gpu == 1 && t4.hardwareType == .nvidia)
        #expect(t4.display == "T4-XLarge - 4 cores - 16Gi - 1 T4")
        #expect(servers.sizes.first { $0.name == "medium" }?.gpu == 0)
    }

    @Test("a catalogue that breaks a rule names the file, the entry and the rule", arguments: [
        (#"{"sizes": {"m": {"memory": "4Gi", "hardware_type": "CPU", "cloud": "aws"}}}"#, "sizes.m.cores", "is required"),
        (#"{"sizes": {"m": {"cores": 0, "memory": "4Gi", "hardware_type": "CPU", "cloud": "aws"}}}"#, "sizes.m.cores", "must be a whole number from 1 to 100000, not 0.0"),
        (#"{"sizes": {"m": {"cores": 2, "memory": "4Gi", "hardware_type": "TPU", "cloud": "aws"}}}"#, "sizes.m.hardware_type", "must be one of 'CPU', 'NVIDIA', 'AMD', not 'TPU'"),
        (#"{"sizes": {"m": {"cores": 2, "memory": "4Gi", "hardware_type": "CPU", "cloud": "aws", "price": 1}}}"#, "sizes.m.price", "unknown field (allowed: cloud, cores, display_name, gpu, gpu_type, hardware_type, memory)"),
        (#"{"disk_space": [{"value": "10Gi"}], "sizes": {}}"#, "disk_space[0].display_str", "is required"),
        (#"{"auto_shutoff": []}"#, "sizes", "is required: an object of size name to size"),
        ("[", "(file)", "is not valid JSON: unexpected end of input at byte 1"),
    ])
    func badCatalogue(text: String, entry: String, rule: String) {
        let error = #expect(throws: SeedError.self) { try ServerCatalog.parse(Array(text.utf8), file: "servers.json") }
        #expect(error == SeedError(file: "servers.json", entry: entry, rule: rule))
    }

    @Test("a seed that names a missing file stops the start; a seed that names none has no sizes")
    func seedReference() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("saturn-mock-servers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let seed = folder.appendingPathComponent("seed.json").path
        try Data(#"{"servers": "nowhere.json", "orgs": [], "users": []}"#.utf8).write(to: URL(fileURLWithPath: seed))
        #expect(throws: SeedError(file: seed, entry: "servers", rule: "names '\(folder.path)/nowhere.json', which cannot be read")) {
            try ServerCatalog.load(seedPath: seed)
        }
        try Data(#"{"orgs": [], "users": []}"#.utf8).write(to: URL(fileURLWithPath: seed))
        #expect(try ServerCatalog.load(seedPath: seed).sizes.isEmpty)
    }
}
