import MicroHTTP
import SaturnDomain

/// `/api/object_storage*`: Saturn's object storage API as saturnfs drives it (README "Object storage"). Uploads
/// and downloads go to presigned URLs of the mock's own (`ObjectTransferEndpoints`).
enum ObjectStorageEndpoints {
    static func register(on router: inout Router) {
        router.add("GET", "/api/object_storage", list)
        router.add("GET", "/api/object_storage/shared", shared)
        router.add("GET", "/api/object_storage/usage", usage)
        router.add("POST", "/api/object_storage/upload", startUpload)
        router.add("GET", "/api/object_storage/upload", listUploads)
        router.add("GET", "/api/object_storage/upload/{object_storage_upload_id}", resumeUpload)
        router.add("POST", "/api/object_storage/upload/{object_storage_upload_id}", completeUpload)
        router.add("DELETE", "/api/object_storage/upload/{object_storage_upload_id}", cancelUpload)
        router.add("POST", "/api/object_storage/download", download)
        router.add("POST", "/api/object_storage/bulk_download", bulkDownload)
        router.add("DELETE", "/api/object_storage/delete", delete)
        router.add("DELETE", "/api/object_storage/bulk_delete", bulkDelete)
        ObjectTransferEndpoints.register(on: &router)
    }

    /// `GET /api/object_storage`: a page of an owner's files under `prefix`, by folder (`delimited`, the default)
    /// or every file under it, after `last_key`.
    static func list(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        let reference = reader.owner()
        let prefix = reader.value("prefix") ?? ""
        let lastKey = reader.value("last_key")
        let maxKeys = reader.integer("max_keys", in: 1...ObjectLimits.pageSize, default: ObjectLimits.pageSize)
        let delimited = reader.bool("delimited", default: true)
        try reader.finish()
        let view = context.tenant.view()
        let owner = try view.objectOwner(reference, caller: caller, at: "owner_name", writing: false)
        let listing = view.objectListing(owner: owner, prefix: prefix, lastKey: lastKey, maxKeys: maxKeys, delimited: delimited)
        return .now(JSONResponse.make(200, WireObjectListing(listing: listing)))
    }

    /// `GET /api/object_storage/shared?org_name=`: the owners of the org whose storage is shared with the caller
    /// (the org's own); saturnfs lists them as the folders of `sfs://org`.
    static func shared(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        let org = reader.value("org_name") ?? caller.defaultOrg
        _ = reader.integer("max_keys", in: 1...ObjectLimits.pageSize, default: ObjectLimits.pageSize)
        let lastKey = reader.value("last_key")
        try reader.finish()
        let owners = try context.tenant.view().sharedObjectOwners(org: org, caller: caller).filter { shared in lastKey.map { shared.owner.description > $0 } ?? true }
        return .now(JSONResponse.make(200, WireSharedOwners(owners: owners)))
    }

    /// `GET /api/object_storage/usage`: what the installation's storage holds against its limits.
    static func usage(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        let reference = reader.owner()
        try reader.finish()
        let view = context.tenant.view()
        _ = try view.objectOwner(reference, caller: caller, at: "owner_name", writing: false)
        return .now(JSONResponse.make(200, WireObjectUsage(usage: view.objectUsage)))
    }

    /// `POST /api/object_storage/upload`: an upload started, with presigned URLs for its parts.
    static func startUpload(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let body = try ObjectBody(context, allowed: ["file_path", "owner_name", "owner", "size", "part_size", "copy_source"])
        var issues = body.issues
        let fields = body.fields
        let owner = fields.flatMap { ObjectBodyReader.owner(in: $0, issues: &issues) }
        let path = fields.flatMap { ObjectBodyReader.path("file_path", in: $0, issues: &issues) }
        let size = fields?.integer("size", in: 0...Int(1) << 53, issues: &issues)
        let partSize = fields?.integer("part_size", in: 0...Int(1) << 53, issues: &issues)
        var copySource: (owner: OwnerReference?, path: String)?
        if let value = fields?.values["copy_source"], value != .null, let source = JSONFields(value, path: "copy_source", issues: &issues) {
            source.rejectUnknown(allowed: ["file_path", "owner_name", "owner"], issues: &issues)
            let sourceOwner = ObjectBodyReader.owner(in: source, issues: &issues)
            copySource = ObjectBodyReader.path("file_path", in: source, issues: &issues).map { (sourceOwner, $0) }
        }
        guard issues.isEmpty, let path else { throw DomainError.invalid(issues) }
        let started = try context.tenant.startUpload(
            ObjectUploadDraft(owner: owner, path: path, size: size, partSize: partSize, copySource: copySource), caller: caller
        )
        return .whenDurable(started.commit, success: presigned(started.value, context), changes: [])
    }

    /// `GET /api/object_storage/upload/{id}`: new presigned URLs for parts `first_part` to `last_part`.
    static func resumeUpload(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        let first = reader.integer("first_part", in: 1...ObjectLimits.maxParts, default: 1)
        let last = reader.value("last_part").map { _ in reader.integer("last_part", in: 1...ObjectLimits.maxParts, default: 1) }
        let lastSize = reader.value("last_part_size").map { _ in reader.integer("last_part_size", in: 0...ObjectLimits.maxPartBytes, default: 0) }
        try reader.finish()
        let resumed = try context.tenant.resumeUpload(
            id: context.parameter("object_storage_upload_id"), first: first, last: last, lastSize: lastSize, caller: caller
        )
        return .now(presigned(resumed, context))
    }

    /// `POST /api/object_storage/upload/{id}`: the parts (`{"parts": [{"part_number", "etag"}]}`) become the file.
    static func completeUpload(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let body = try ObjectBody(context, allowed: ["parts"])
        var issues = body.issues
        let items = body.fields?.array("parts", required: true, issues: &issues) ?? []
        let parts = items.enumerated().compactMap { index, item -> (number: Int, etag: String)? in
            guard let part = JSONFields(item, path: "parts[\(index)]", issues: &issues) else { return nil }
            part.rejectUnknown(allowed: ["part_number", "etag", "size"], issues: &issues)
            let number = part.integer("part_number", in: 1...ObjectLimits.maxParts, issues: &issues)
            let etag = part.string("etag", required: true, issues: &issues)
            if part.values["part_number"] == nil { issues.add(part.path("part_number"), "is required") }
            guard let number, let etag else { return nil }
            return (number, etag)
        }
        try issues.throwIfAny()
        let completed = try context.tenant.completeUpload(id: context.parameter("object_storage_upload_id"), parts: parts, caller: caller)
        return .whenDurable(completed.commit, success: JSONResponse.noContent(), changes: [])
    }

    /// `DELETE /api/object_storage/upload/{id}`.
    static func cancelUpload(_ context: RequestContext) throws -> Answer {
        let cancelled = try context.tenant.cancelUpload(id: context.parameter("object_storage_upload_id"), caller: context.caller())
        return .whenDurable(cancelled.commit, success: JSONResponse.noContent(), changes: [])
    }

    /// `GET /api/object_storage/upload`: an owner's uploads in progress under `prefix`, copies or not (`is_copy`).
    static func listUploads(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        let reference = reader.owner()
        let prefix = reader.value("prefix") ?? ""
        let isCopy = reader.value("is_copy").map { _ in reader.bool("is_copy") }
        try reader.finish()
        let view = context.tenant.view()
        let owner = try view.objectOwner(reference, caller: caller, at: "owner_name", writing: true)
        let uploads = view.objectUploads(owner: owner, prefix: prefix, isCopy: isCopy).map(WireObjectUpload.init)
        return .now(JSONResponse.make(200, WirePage(itemsKey: "uploads", items: uploads, prevKey: nil, nextKey: nil)))
    }

    /// `POST /api/object_storage/download`: a presigned URL to get a file from.
    static func download(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let (owner, path) = try fileReference(context)
        let file = try context.tenant.view().objectFiles(owner, paths: [path], caller: caller)[0]
        return .now(JSONResponse.make(200, WirePresignedDownload(file: file, url: downloadURL(file, context))))
    }

    /// `POST /api/object_storage/bulk_download`: presigned URLs for up to 1,000 files of one owner; a 404 names
    /// any that is not there.
    static func bulkDownload(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let (owner, paths) = try bulkReference(context)
        let files = try context.tenant.view().objectFiles(owner, paths: paths, caller: caller).map { file in
            WirePresignedDownload(file: file, url: downloadURL(file, context))
        }
        return .now(JSONResponse.make(200, WirePage(itemsKey: "files", items: files, prevKey: nil, nextKey: nil)))
    }

    /// `DELETE /api/object_storage/delete`: one file; a 404 when it is not there.
    static func delete(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let (owner, path) = try fileReference(context)
        let deleted = try context.tenant.deleteObjects(owner, paths: [path], caller: caller, missingIsError: true)
        return .whenDurable(deleted.commit, success: JSONResponse.noContent(), changes: [])
    }

    /// `DELETE /api/object_storage/bulk_delete`: up to 1,000 files of one owner; those not there are listed.
    static func bulkDelete(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let (owner, paths) = try bulkReference(context)
        let deleted = try context.tenant.deleteObjects(owner, paths: paths, caller: caller, missingIsError: false)
        return .whenDurable(deleted.commit, success: JSONResponse.make(200, WireFailedPaths(paths: deleted.value)), changes: [])
    }

    /// The owner and path of a call on one file (`ObjectStorageReference`).
    private static func fileReference(_ context: RequestContext) throws -> (OwnerReference?, String) {
        let body = try ObjectBody(context, allowed: ["file_path", "owner_name", "owner"])
        var issues = body.issues
        let owner = body.fields.flatMap { ObjectBodyReader.owner(in: $0, issues: &issues) }
        let path = body.fields.flatMap { ObjectBodyReader.path("file_path", in: $0, issues: &issues) }
        guard issues.isEmpty, let path else { throw DomainError.invalid(issues) }
        return (owner, path)
    }

    /// The owner and paths of a bulk call (`ObjectStorageBulkReference`).
    private static func bulkReference(_ context: RequestContext) throws -> (OwnerReference?, [String]) {
        let body = try ObjectBody(context, allowed: ["file_paths", "owner_name", "owner"])
        var issues = body.issues
        let owner = body.fields.flatMap { ObjectBodyReader.owner(in: $0, issues: &issues) }
        let paths = body.fields.map { ObjectBodyReader.paths(in: $0, issues: &issues) } ?? []
        try issues.throwIfAny()
        return (owner, paths)
    }

    /// An upload's presigned part URLs, working for `ObjectLimits.urlSeconds` by the tenant's clock.
    private static func presigned(_ started: StartedUpload, _ context: RequestContext) -> HTTPResponse {
        let base = context.baseURL(of: context.tenant.name)
        let expires = expiry(context)
        let parts = started.slots.map { slot in
            (slot.number, slot.size, context.served.objectURLs.url(
                base: base, method: "PUT", path: ObjectTransferEndpoints.partPath(upload: started.upload.id, number: slot.number),
                expires: expires, size: slot.size
            ))
        }
        return JSONResponse.make(200, WirePresignedUpload(uploadID: started.upload.id, isCopy: started.upload.copySource != nil, parts: parts))
    }

    private static func downloadURL(_ file: ObjectFile, _ context: RequestContext) -> String {
        context.served.objectURLs.url(
            base: context.baseURL(of: context.tenant.name), method: "GET", path: ObjectTransferEndpoints.blobPath(file.blob.id),
            expires: expiry(context), size: nil
        )
    }

    private static func expiry(_ context: RequestContext) -> Int {
        Int(context.tenant.clock.now().timeIntervalSince1970) + ObjectLimits.urlSeconds
    }
}
