extension TenantContent {
    /// The blobs of object storage its files and uploads hold: what a sweep keeps for it.
    var blobIDs: Set<String> {
        Set(entities.flatMap { entity -> [Blob] in
            switch entity {
            case let .objectFile(file): return [file.blob]
            case let .objectUpload(upload): return upload.blobs
            default: return []
            }
        }.map(\.id))
    }
}
