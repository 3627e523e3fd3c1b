/// Reads images and checks them against the document's requirements: finds the image (`locate`), reads each layer
/// once for what the requirements need (kept in `cache` by digest, when one is given), merges the layers as a
/// runtime would, and judges each requirement.
public final class ImageInspector: Sendable {
    private let client: RegistryClient
    private let cache: LayerCache?

    /// An inspector that reaches registries through `client`.
    public init(client: RegistryClient, cache: LayerCache? = nil) {
        self.client = client
        self.cache = cache
    }

    /// The image a source names, its manifest and configuration read, its layers not yet.
    public func locate(_ source: ImageSource) throws(InspectionError) -> LocatedImage {
        switch source {
        case let .registry(name): return try RegistryImage.locate(name, client: client)
        case let .layout(folder, tag): return try LayoutImage.locate(folder, tag: tag)
        case let .archive(path, tag): return try ArchiveImage.locate(path, tag: tag)
        }
    }

    /// The image checked against every requirement.
    public func check(_ image: LocatedImage) throws(InspectionError) -> ImageCheck {
        let configuration = try image.configuration()
        let scope = Requirements.scope(of: Requirements.all)
        var summaries: [String: LayerSummary] = [:]
        var unread: [Int] = []
        for (index, key) in image.layers.enumerated() where summaries[key] == nil && !unread.contains(where: { image.layers[$0] == key }) {
            if image.layersByDigest, let cached = cache?.summary(key) { summaries[key] = cached } else { unread.append(index) }
        }
        try image.read(unread) { index, reader throws(InspectionError) in
            let summary = try LayerScanner.scan(reader, scope: scope)
            summaries[image.layers[index]] = summary
            if image.layersByDigest { cache?.keep(summary, for: image.layers[index]) }
        }
        let contents = ImageContents(
            files: MergedView(layers: image.layers.compactMap { summaries[$0] }), environment: configuration.environment
        )
        return ImageCheck(
            what: image.what, digest: image.digest, platform: image.platform ?? configuration.platform ?? ImageManifest.platform, layerCount: image.layers.count,
            results: Requirements.all.map { RequirementResult(requirement: $0, evidence: $0.judge(contents)) }
        )
    }
}
