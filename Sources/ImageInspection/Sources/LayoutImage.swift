import FoundationEssentials
import Glibc

/// An image in an OCI layout folder (`umoci`, `skopeo copy … oci:DIR:TAG`): `index.json`, and blobs under
/// `blobs/<algorithm>/<hex>`, each layer read from its file.
enum LayoutImage {
    /// The image tagged `tag` (or the only one) in the layout at `folder`.
    static func locate(_ folder: String, tag: String?) throws(InspectionError) -> LocatedImage {
        let what = folder + (tag.map { ":\($0)" } ?? "")
        let index = try file(folder + "/index.json", of: what)
        let chosen = try Descriptor.select(fromLayoutIndex: index, tag: tag, what: folder)
        let manifest = try ImageManifest.resolve(try blob(chosen.digest, in: folder, of: what), digest: chosen.digest, what: what) {
            digest throws(InspectionError) in try blob(digest, in: folder, of: what)
        }
        let layers = manifest.layers.map(\.digest)
        return LocatedImage(
            what: what, digest: chosen.digest, platform: manifest.platform,
            configuration: { () throws(InspectionError) in
                try ImageConfiguration(try blob(manifest.config.digest, in: folder, of: what), what: what)
            },
            layers: layers, layersByDigest: true
        ) { indexes, scan throws(InspectionError) in
            for index in indexes {
                let path = try blobPath(layers[index], in: folder)
                let descriptor = open(path, O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0 else { throw .unreadable("cannot open layer \(path): \(String(cString: strerror(errno)))") }
                defer { close(descriptor) }
                try scan(index, try ArchiveReader(fileDescriptor: descriptor, what: "layer \(layers[index]) of \(what)"))
            }
        }
    }

    private static func blobPath(_ digest: String, in folder: String) throws(InspectionError) -> String {
        let parts = digest.split(separator: ":")
        guard parts.count == 2, !parts[1].contains("/"), !parts[0].contains("/") else { throw .unreadable("'\(digest)' is not a digest") }
        return "\(folder)/blobs/\(parts[0])/\(parts[1])"
    }

    private static func blob(_ digest: String, in folder: String, of what: String) throws(InspectionError) -> [UInt8] {
        try file(try blobPath(digest, in: folder), of: what)
    }

    private static func file(_ path: String, of what: String) throws(InspectionError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable("\(what): cannot read \(path)") }
        return Array(data)
    }
}
