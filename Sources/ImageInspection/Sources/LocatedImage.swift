/// An image found where its reference points, before its configuration and layers are read: what identifies it
/// (the manifest's digest), and how to read the rest. Finding a registry's image costs one manifest (two for an
/// index), so that an image checked before is known by its digest at that cost.
public struct LocatedImage: Sendable {
    /// What was asked for, for messages (`127.0.0.1:5000/saturn/good:1`, `image.tar`).
    public let what: String
    /// The manifest's digest (`sha256:…`); for a `docker save` archive, which keeps no manifest digest, the
    /// configuration's.
    public let digest: String
    /// The platform an index chose the manifest for; nil when the reference named a manifest.
    let platform: String?
    /// Reads the image's configuration.
    let configuration: @Sendable () throws(InspectionError) -> ImageConfiguration
    /// Each layer's digest (or, in a `docker save` archive, its path), lowest first.
    let layers: [String]
    /// Whether layers are named by digest, so that what was read of one serves every image that shares it.
    let layersByDigest: Bool
    /// Reads the layers at these indexes (of distinct layers), in any order, handing each to `scan` with its index.
    let read: @Sendable ([Int], (Int, ArchiveReader) throws(InspectionError) -> Void) throws(InspectionError) -> Void
}
