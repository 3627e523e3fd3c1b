/// Reads of object storage (README "Object storage"), each checked against `ObjectAccess`.
extension TenantView {
    /// The owner a request names (`owner_name`, `owner`, …), resolved for `caller` and checked readable (or
    /// writable); no reference means the caller's own storage in its default org.
    public func objectOwner(_ reference: OwnerReference?, caller: User, at field: String, writing: Bool) throws(DomainError) -> OwnerPath {
        let owner: OwnerPath
        if let reference {
            let resolved = try directory.resolve(reference, for: caller, path: field)
            guard let identity = resolved.identity else {
                throw .invalid(at: field, "names the org '\(resolved.org.name)' but no identity: object storage belongs to org/user, or to org/org for the org's shared storage")
            }
            owner = OwnerPath(org: resolved.org.name, identity: identity)
        } else {
            owner = OwnerPath(org: caller.defaultOrg, identity: caller.username)
        }
        try ObjectAccess.check(owner, caller: caller, writing: writing)
        return owner
    }

    /// Every file of the tenant, by owner and path.
    var objectFiles: [ObjectFile] {
        state.entities.all(.objectFile).compactMap { if case let .objectFile(file) = $0 { return file } else { return nil } }
    }

    /// Every upload in progress of the tenant, by id, expired ones included.
    var objectUploads: [ObjectUpload] {
        state.entities.all(.objectUpload).compactMap { if case let .objectUpload(upload) = $0 { return upload } else { return nil } }
    }

    /// The file at `path` of `owner`, which the caller has shown it may read.
    func objectFile(owner: OwnerPath, path: String) throws(DomainError) -> ObjectFile {
        guard case let .objectFile(file)? = state.entities[EntityKey(.objectFile, ObjectFile.id(owner: owner, path: path))] else {
            throw .objectNotFound(owner: owner.description, path: path)
        }
        return file
    }

    /// Files of one owner the caller may read (`POST /api/object_storage/download`, `/bulk_download`), in the order
    /// of `paths`; a 404 names every path with no file.
    public func objectFiles(_ reference: OwnerReference?, paths: [String], caller: User) throws(DomainError) -> [ObjectFile] {
        let owner = try objectOwner(reference, caller: caller, at: "owner_name", writing: false)
        let found = paths.map { try? objectFile(owner: owner, path: $0) }
        let missing = zip(paths, found).filter { $0.1 == nil }.map(\.0)
        guard missing.isEmpty else { throw .objectNotFound(owner: owner.description, path: missing.joined(separator: "', '")) }
        return found.compactMap { $0 }
    }

    /// One page of an owner's files under a prefix (`GET /api/object_storage`).
    public func objectListing(
        owner: OwnerPath, prefix: String, lastKey: String?, maxKeys: Int, delimited: Bool
    ) -> ObjectListing {
        ObjectListing(objectFiles.filter { $0.owner == owner }, prefix: prefix, lastKey: lastKey, maxKeys: maxKeys, delimited: delimited)
    }

    /// The shared storages of `org` the caller may read and that hold files, with their file counts
    /// (`GET /api/object_storage/shared`): the org's own, `org/org`, for its members.
    public func sharedObjectOwners(org: String, caller: User) throws(DomainError) -> [(owner: OwnerPath, orgID: String, count: Int)] {
        guard let found = directory.org(named: org) else { throw .invalid(at: "org_name", "no org named '\(org)'") }
        let owner = OwnerPath(org: found.name, identity: found.name)
        try ObjectAccess.check(owner, caller: caller, writing: false)
        let count = objectFiles.count { $0.owner == owner }
        return count == 0 ? [] : [(owner, found.id, count)]
    }

    /// What the tenant's storage holds against its limits.
    public var objectUsage: ObjectUsage {
        let files = objectFiles
        let uploads = objectUploads.filter { $0.expiresAt > now }
        return ObjectUsage(
            usedBytes: files.reduce(0) { $0 + $1.blob.size }, reservedBytes: uploads.reduce(0) { $0 + $1.reservedBytes },
            fileCount: files.count, activeUploads: uploads.count, maxBytes: settings.maxObjectBytes
        )
    }

    /// An upload in progress that has not expired; the caller, when given, must still be able to write its owner's
    /// storage. A URL's signature stands for the caller of the part uploads.
    public func objectUpload(id: String, caller: User?) throws(DomainError) -> ObjectUpload {
        guard case let .objectUpload(upload)? = state.entities[EntityKey(.objectUpload, id)], upload.expiresAt > now else {
            throw .uploadNotFound(id: id)
        }
        if let caller { try ObjectAccess.check(upload.owner, caller: caller, writing: true) }
        return upload
    }

    /// The uploads in progress of an owner under a prefix, copies or not (`GET /api/object_storage/upload`).
    public func objectUploads(owner: OwnerPath, prefix: String, isCopy: Bool?) -> [ObjectUpload] {
        objectUploads.filter { upload in
            upload.owner == owner && upload.path.hasPrefix(prefix) && upload.expiresAt > now
                && isCopy.map { $0 == (upload.copySource != nil) } ?? true
        }.sorted { ($0.path, $0.id) < ($1.path, $1.id) }
    }

    /// The blobs the tenant keeps: its files' and its uploads'.
    var blobIDs: Set<String> { content.blobIDs }

    /// Refuses taking `bytes` more (beyond what `freeing` gives back) past the tenant's limit.
    func checkRoom(for bytes: Int, freeing: Int = 0) throws(DomainError) {
        let usage = objectUsage
        guard usage.usedBytes + usage.reservedBytes - freeing + bytes <= usage.maxBytes else {
            throw .objectStorageFull(wanted: bytes, held: usage.usedBytes + usage.reservedBytes - freeing, limit: usage.maxBytes)
        }
    }
}
