import ArgumentParser
import FoundationEssentials
import ImageInspection

/// How `check-image` and `serve` reach registries: hosts mapped to URLs, and credentials as Docker keeps them.
struct RegistryOptions: ParsableArguments {
    @Option(name: .customLong("registry"), help: ArgumentHelp(
        "Reach the registry of HOST at URL (repeatable): public.ecr.aws=http://127.0.0.1:5000. Docker Hub is docker.io; its one-part names gain library/. A host not mapped is reached at https://HOST.",
        valueName: "HOST=URL"))
    var registries: [String] = []

    @Option(name: .customLong("registry-auth"), help: ArgumentHelp(
        "Credentials for a registry host (repeatable), given as Basic or traded for a Bearer token as the registry asks; they add to those of --docker-config.",
        valueName: "HOST=USER:PASSWORD"))
    var registryAuth: [String] = []

    @Option(help: ArgumentHelp(
        "Docker's configuration file, whose auths give each host's credentials (default: $DOCKER_CONFIG/config.json, else ~/.docker/config.json, when it exists).",
        valueName: "path"))
    var dockerConfig: String?

    func validate() throws {
        _ = try map()
        _ = try credentials()
    }

    /// The hosts' URLs.
    func map() throws -> RegistryMap {
        var map = RegistryMap()
        for mapping in registries {
            do { try map.add(mapping) } catch { throw ValidationError("--registry: \(error)") }
        }
        return map
    }

    /// The credentials of the Docker configuration, then those given.
    func credentials() throws -> RegistryCredentials {
        var credentials = RegistryCredentials()
        let environment = ProcessInfo.processInfo.environment
        if let path = dockerConfig ?? RegistryCredentials.defaultDockerConfig(environment: environment) {
            if dockerConfig != nil, !FileManager.default.fileExists(atPath: path) {
                throw ValidationError("--docker-config \(path) does not exist")
            }
            do { try credentials.load(dockerConfig: path) } catch { throw ValidationError("--docker-config: \(error)") }
        }
        for pair in registryAuth {
            do { try credentials.add(pair) } catch { throw ValidationError("--registry-auth: \(error)") }
        }
        return credentials
    }

    /// A client with these hosts and credentials.
    func client() throws -> RegistryClient {
        RegistryClient(map: try map(), credentials: try credentials())
    }
}
