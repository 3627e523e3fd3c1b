import CArchive
import Glibc
import SaturnJSON

/// An image in one tar file: a `docker save` (or `skopeo copy … docker-archive:`) archive, whose `manifest.json`
/// (listed last) names the configuration and layer files, or an OCI layout archived whole. Read twice: once for
/// the small JSON files, once for the layers, each streamed from the archive into a nested reader.
enum ArchiveImage {
    /// The largest JSON file kept from the first reading.
    private static let jsonLimit = 4 << 20

    /// The image tagged `tag` (or the first) in the archive at `path`.
    static func locate(_ path: String, tag: String?) throws(InspectionError) -> LocatedImage {
        let what = path + (tag.map { ":\($0)" } ?? "")
        let files = try smallFiles(path)
        let manifest: (digest: String, config: [UInt8], layers: [String])
        if let list = files["manifest.json"] {
            manifest = try dockerManifest(list, tag: tag, files: files, what: what)
        } else if let index = files["index.json"] {
            let chosen = try Descriptor.select(fromLayoutIndex: index, tag: tag, what: path)
            func blob(_ digest: String) throws(InspectionError) -> [UInt8] {
                guard let bytes = files["blobs/" + digest.replacing(":", with: "/")] else { throw .unreadable("\(what) lacks the blob \(digest)") }
                return bytes
            }
            let resolved = try ImageManifest.resolve(try blob(chosen.digest), digest: chosen.digest, what: what) { digest throws(InspectionError) in try blob(digest) }
            manifest = (chosen.digest, try blob(resolved.config.digest), resolved.layers.map { "blobs/" + $0.digest.replacing(":", with: "/") })
        } else {
            throw .unreadable("\(path) is neither a docker archive (no manifest.json) nor an OCI layout (no index.json)")
        }
        let configuration = try ImageConfiguration(manifest.config, what: what)
        let layers = manifest.layers
        return LocatedImage(
            what: what, digest: manifest.digest, platform: nil, configuration: { configuration }, layers: layers, layersByDigest: false
        ) { indexes, scan throws(InspectionError) in
            var wanted: [String: Int] = [:]
            for index in indexes { wanted[layers[index]] = index }
            try each(path) { header, reader throws(InspectionError) in
                guard let index = wanted.removeValue(forKey: ImagePath.normalize(header.path)) else { return }
                try scan(index, try ArchiveReader(entryOf: reader, what: "layer \(header.path) of \(what)"))
            }
            if let missing = wanted.keys.sorted().first { throw .unreadable("\(what) lacks the layer \(missing)") }
        }
    }

    /// The archive's JSON files of at most `jsonLimit` bytes, by path.
    private static func smallFiles(_ path: String) throws(InspectionError) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        try each(path) { header, reader throws(InspectionError) in
            guard header.fileType == SATURN_AE_IFREG, header.size <= jsonLimit else { return }
            let name = ImagePath.normalize(header.path)
            guard name.hasSuffix(".json") || name.hasPrefix("blobs/") else { return }
            let bytes = try reader.data(limit: jsonLimit)
            guard let first = bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }), first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return }
            files[name] = bytes
        }
        return files
    }

    /// Calls `body` with each entry of the archive at `path`, positioned to read its data.
    private static func each(_ path: String, _ body: (ArchiveReader.Header, ArchiveReader) throws(InspectionError) -> Void) throws(InspectionError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadable("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let reader = try ArchiveReader(fileDescriptor: descriptor, what: path)
        while let header = try reader.next() { try body(header, reader) }
    }

    /// The image of a `docker save` manifest list: the entry whose `RepoTags` hold `tag`, or the first.
    private static func dockerManifest(
        _ bytes: [UInt8], tag: String?, files: [String: [UInt8]], what: String
    ) throws(InspectionError) -> (digest: String, config: [UInt8], layers: [String]) {
        guard case let .array(entries)? = try? JSONValue.parse(bytes) else { throw .unreadable("manifest.json of \(what) is not a list") }
        let images = entries.compactMap { entry -> (config: String, tags: [String], layers: [String])? in
            guard case let .object(members) = entry, case let .string(config)? = members["Config"], case let .array(layers)? = members["Layers"] else { return nil }
            let strings: ([JSONValue]) -> [String] = { $0.compactMap { if case let .string(text) = $0 { text } else { nil } } }
            var tags: [String] = []
            if case let .array(list)? = members["RepoTags"] { tags = strings(list) }
            return (config, tags, strings(layers))
        }
        let chosen = tag.map { tag in images.first { $0.tags.contains { $0 == tag || $0.hasSuffix(":" + tag) } } } ?? images.first
        guard let chosen else {
            throw .unreadable("\(what) holds no image\(tag.map { " tagged '\($0)'" } ?? "") (tags: \(images.flatMap(\.tags).joined(separator: ", ")))")
        }
        let configPath = ImagePath.normalize(chosen.config)
        guard let config = files[configPath] else { throw .unreadable("\(what) lacks its configuration \(chosen.config)") }
        let name = ImagePath.name(of: configPath)
        let hex = name.hasSuffix(".json") ? String(name.dropLast(5)) : name
        let digest = hex.count == 64 && hex.allSatisfy(\.isHexDigit) ? "sha256:" + hex : configPath
        return (digest, config, chosen.layers.map(ImagePath.normalize))
    }
}
