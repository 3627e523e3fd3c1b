/// An image reference as a registry reads it: the registry's host, the repository, and a tag or a digest. Docker
/// Hub's names are completed as Docker completes them: no host is `docker.io`, and a one-part name gains `library/`.
public struct ImageName: Sendable, Equatable, CustomStringConvertible {
    /// The registry's host, with its port (`docker.io`, `127.0.0.1:5000`).
    public let host: String
    /// The repository (`saturncloud/saturn`, `library/ubuntu`).
    public let repository: String
    /// The tag or the digest (`2021.11.10`, `sha256:…`): the manifest's reference.
    public let reference: String

    /// The reference `text` names (`public.ecr.aws/saturncloud/saturn:2021.11.10`, `ubuntu`, `host:5000/x@sha256:…`).
    public init(_ text: String) throws(InspectionError) {
        var rest = Substring(text)
        var reference = "latest"
        if let at = rest.firstIndex(of: "@") {
            reference = String(rest[rest.index(after: at)...])
            rest = rest[..<at]
        } else if let colon = rest.lastIndex(of: ":"), !rest[colon...].contains("/") {
            reference = String(rest[rest.index(after: colon)...])
            rest = rest[..<colon]
        }
        let parts = rest.split(separator: "/", maxSplits: 1)
        var host = "docker.io"
        var repository = String(rest)
        if parts.count == 2, parts[0].contains(".") || parts[0].contains(":") || parts[0] == "localhost" {
            host = String(parts[0])
            repository = String(parts[1])
        }
        if host == "index.docker.io" || host == "registry-1.docker.io" { host = "docker.io" }
        if host == "docker.io", !repository.contains("/") { repository = "library/" + repository }
        guard !repository.isEmpty, !reference.isEmpty, !repository.contains(where: { $0 == " " || $0 == "\t" }) else {
            throw .unreadable("'\(text)' is not an image reference (HOST/REPOSITORY:TAG or @DIGEST)")
        }
        self.host = host
        self.repository = repository
        self.reference = reference
    }

    /// Whether the reference is a digest rather than a tag.
    public var isDigest: Bool { reference.contains(":") }

    public var description: String { "\(host)/\(repository)\(isDigest ? "@" : ":")\(reference)" }
}
