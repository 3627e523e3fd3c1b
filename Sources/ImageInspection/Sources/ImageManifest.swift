import SaturnJSON

/// An image manifest (Docker v2 schema 2 or OCI): its configuration and layers, lowest first. Indexes (an OCI index
/// or a Docker manifest list) are resolved to the `linux/amd64` manifest they list.
struct ImageManifest: Sendable {
    /// The digest of the manifest itself.
    var digest: String
    var config: Descriptor
    var layers: [Descriptor]
    /// The platform the index chose it for; nil when the reference named a manifest.
    var platform: String?

    /// The platform Saturn runs.
    static let platform = "linux/amd64"

    /// The manifest `bytes` (of digest `digest`) stand for: themselves, or the `linux/amd64` entry of an index,
    /// whose bytes `fetch` gets by digest.
    static func resolve(
        _ bytes: [UInt8], digest: String, what: String, fetch: (String) throws(InspectionError) -> [UInt8]
    ) throws(InspectionError) -> ImageManifest {
        guard case let .object(members)? = try? JSONValue.parse(bytes) else {
            throw .unreadable("the manifest of \(what) is not a JSON object")
        }
        if case let .array(entries)? = members["manifests"] {
            let descriptors = entries.compactMap(Descriptor.init)
            guard let chosen = descriptors.first(where: { $0.platform == platform }) else {
                let platforms = descriptors.map { $0.platform ?? "unknown" }.joined(separator: ", ")
                throw .unreadable("the index of \(what) lists no \(platform) image (it lists: \(platforms.isEmpty ? "nothing" : platforms))")
            }
            var manifest = try resolve(try fetch(chosen.digest), digest: chosen.digest, what: what) { _ throws(InspectionError) in
                throw .unreadable("the index of \(what) lists another index for \(platform)")
            }
            manifest.platform = platform
            return manifest
        }
        guard let config = members["config"].flatMap(Descriptor.init), case let .array(layers)? = members["layers"] else {
            throw .unreadable("the manifest of \(what) has no config and layers (schema 1 manifests are not read)")
        }
        return ImageManifest(digest: digest, config: config, layers: layers.compactMap(Descriptor.init), platform: nil)
    }
}
