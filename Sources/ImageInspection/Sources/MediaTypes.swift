/// The manifest media types of the Docker Registry API and the OCI image spec.
enum MediaTypes {
    static let dockerManifest = "application/vnd.docker.distribution.manifest.v2+json"
    static let dockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json"
    static let ociManifest = "application/vnd.oci.image.manifest.v1+json"
    static let ociIndex = "application/vnd.oci.image.index.v1+json"

    /// Every manifest type, for `Accept`: a registry answers an OCI manifest asked for without its type with
    /// `404 MANIFEST_UNKNOWN`.
    static let manifests = [ociIndex, dockerManifestList, ociManifest, dockerManifest]
}
