import MicroHTTP
import SaturnDomain

/// The mock's stand-in for S3's presigned URLs (README "Object storage"), under `/objects/` of a tenant's base URL,
/// a path Saturn's API does not use: parts are put to `/objects/uploads/{upload_id}/{part_number}` and files got
/// from `/objects/{blob}`, each authorized by its own signature (`PresignedRequest`), not by a token.
enum ObjectTransferEndpoints {
    static func register(on router: inout Router) {
        router.add("PUT", "/objects/uploads/{upload_id}/{part_number}", putPart)
        router.add("GET", "/objects/{blob}", get)
    }

    /// The path of a part's URL inside its tenant.
    static func partPath(upload: String, number: Int) -> String { "/objects/uploads/\(upload)/\(number)" }

    /// The path of a blob's URL inside its tenant.
    static func blobPath(_ blob: String) -> String { "/objects/\(blob)" }

    /// The most body bytes a request may send: a part's size, for a part's URL that the mock signed; else nil.
    static func bodyLimit(_ request: HTTPRequest, servedTenants: ServedTenants) -> Int? {
        guard request.method == "PUT" else { return nil }
        let address = TenantTarget.address(request.path)
        guard address.path.hasBytePrefix("/objects/uploads/") else { return nil }
        let registry = servedTenants.registry
        guard let tenant = address.tenant == nil ? registry.defaultTenant : address.tenant.flatMap(registry.tenant(named:)) else { return nil }
        let served = servedTenants.served(tenant)
        return try? PresignedRequest(request, path: address.path, signer: served.objectURLs, now: tenant.clock.now()).size
    }

    /// `PUT` of a part (a copy's part without a body): `200` with the part's `ETag`, which completing names it by.
    static func putPart(_ context: RequestContext) throws -> Answer {
        let signed = try PresignedRequest(context.request, path: context.path, signer: context.served.objectURLs, now: context.tenant.clock.now())
        let number = Int(context.parameter("part_number")) ?? 0
        let received = try context.tenant.receivePart(
            uploadID: context.parameter("upload_id"), number: number, size: signed.size ?? 0, bytes: context.request.body
        )
        let success = HTTPResponse(status: 200, headers: [("ETag", received.value.etag), ("X-Saturn-Version", SaturnAPIVersion.current)])
        return .whenDurable(received.commit, success: success, changes: [])
    }

    /// `GET` (or `HEAD`) of a file's bytes, whole or the one `Range` asked for, sent from the store's file.
    static func get(_ context: RequestContext) throws -> Answer {
        _ = try PresignedRequest(context.request, path: context.path, signer: context.served.objectURLs, now: context.tenant.clock.now())
        let blobs = context.registry.queue.store.blobs
        let blob = context.parameter("blob")
        guard let size = blobs.size(of: blob) else { throw APIError.noRoute(method: context.request.method, path: context.request.path) }
        var range = 0..<size
        var headers = [("Content-Type", "application/octet-stream"), ("Accept-Ranges", "bytes"), ("ETag", Blob(id: blob, size: size).etag)]
        if let asked = context.request.header("Range"), let wanted = ByteRange(asked, size: size) {
            guard let satisfiable = wanted.range else { throw APIError.rangeNotSatisfiable(size: size) }
            range = satisfiable
            headers.append(("Content-Range", "bytes \(range.lowerBound)-\(range.upperBound - 1)/\(size)"))
        }
        let status = range.count == size ? 200 : 206
        switch blobs.content(of: blob, offset: range.lowerBound, count: range.count) {
        case let .bytes(bytes)?:
            return .now(HTTPResponse(status: status, headers: headers, body: bytes))
        case let .file(path, offset, count)?:
            guard let file = HTTPFileBody.open(path: path, offset: offset, count: count) else { break }
            return .now(HTTPResponse(status: status, headers: headers, file: file))
        case nil:
            break
        }
        // The file went between the look-up and the read: it was deleted and swept.
        throw APIError.noRoute(method: context.request.method, path: context.request.path)
    }
}
