import FoundationEssentials
import MicroHTTP
import SaturnDomain

/// A request to one of the mock's presigned URLs, its signature checked (`ObjectURLSigner`): what the URL was made
/// for, or why it does not stand.
struct PresignedRequest {
    /// The size the URL was made for: a part's.
    let size: Int?

    /// Checks the request's `expires`, `signature` (and `size`) against `path`, the path inside the tenant.
    init(_ request: HTTPRequest, path: String, signer: ObjectURLSigner, now: Date) throws(APIError) {
        guard let expiresText = request.queryValue("expires"), let expires = Int(expiresText), let signature = request.queryValue("signature") else {
            throw .presignedURLInvalid(reason: "it lacks its expires or signature parameter; use a URL the object storage API handed out, whole")
        }
        let size = request.queryValue("size").flatMap(Int.init)
        guard request.queryValue("size") == nil || size != nil,
              signer.verifies(signature, method: request.method == "HEAD" ? "GET" : request.method, path: path, expires: expires, size: size) else {
            throw .presignedURLInvalid(reason: "its signature does not match (a changed URL, one of another tenant, or one from before the server restarted); ask the object storage API for a new one")
        }
        guard Double(expires) > now.timeIntervalSince1970 else {
            throw .presignedURLExpired(expires: Date(timeIntervalSince1970: Double(expires)))
        }
        self.size = size
    }
}
