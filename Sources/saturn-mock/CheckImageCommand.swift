import ArgumentParser
import FoundationEssentials
import Glibc
import ImageInspection
import SaturnJSON

/// `saturn-mock check-image`: checks an image against the document's *Docker Image Requirements*.
struct CheckImageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-image",
        abstract: "Check an image against the Docker image requirements of Saturn's document.",
        discussion: """
            Reads the image from a registry (Docker Registry HTTP API v2: Docker and OCI manifests and indexes, \
            linux/amd64 chosen), a docker save archive, or an OCI layout (a folder or an archive); merges its layers as \
            a runtime does (whiteouts, opaque directories, links); prints each requirement of what the image is for, \
            with pass, warn or FAIL and its evidence. Layers are streamed: only the files a requirement needs are kept. \
            Exit status: 0 when every required item passes, 1 when one fails, 2 when the image cannot be read.
            """
    )

    @Argument(help: ArgumentHelp(
        "The image: a reference (public.ecr.aws/saturncloud/saturn:2021.11.10, docker://REF), oci:FOLDER[:TAG], oci-archive:FILE[:TAG], docker-archive:FILE, or a folder or file.",
        valueName: "image"))
    var image: String

    @Option(name: .customLong("for"), help: ArgumentHelp(
        "What the image is for: jupyter, rstudio, job, deployment, or all; repeatable or comma-separated.", valueName: "use"))
    var uses: [String] = ["all"]

    @Flag(help: "Print the result as JSON.")
    var json = false

    @OptionGroup var registry: RegistryOptions

    func validate() throws {
        _ = try targets()
    }

    /// The targets `--for` names, in the document's order.
    private func targets() throws -> [CheckTarget] {
        var chosen = Set<CheckTarget>()
        for name in uses.flatMap({ $0.split(separator: ",") }).map({ $0.lowercased() }) {
            if name == "all" {
                chosen.formUnion(CheckTarget.allCases)
            } else if let target = CheckTarget(rawValue: name) {
                chosen.insert(target)
            } else {
                throw ValidationError("--for must be jupyter, rstudio, job, deployment or all, not '\(name)'")
            }
        }
        return chosen.sorted()
    }

    func run() throws {
        let targets = try targets()
        let inspector = ImageInspector(client: try registry.client())
        let check: ImageCheck
        do {
            check = try inspector.check(try inspector.locate(try ImageSource(image)))
        } catch {
            let message = Array("saturn-mock check-image: cannot read \(image): \(error)\n".utf8)
            _ = message.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            throw ExitCode(2)
        }
        var output: [UInt8]
        if json {
            var writer = JSONOutput()
            check.writeJSON(to: &writer, for: targets)
            output = writer.bytes + [UInt8(ascii: "\n")]
        } else {
            output = Array(check.text(for: targets).utf8)
        }
        _ = output.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
        if targets.contains(where: { !check.works(for: $0) }) { throw ExitCode(1) }
    }
}
