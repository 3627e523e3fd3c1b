import CNettle
import SaturnDomain

/// Signs and checks the mock's presigned URLs of a tenant (README "Object storage"): saturnfs puts parts to them and
/// gets files from them without its token, so each carries its own authorization, an HMAC-SHA-256 over the method,
/// the path inside the tenant, the expiry (seconds since 1970, by the tenant's clock) and the part's size. The key
/// is random, so a restart ends every URL (saturnfs then asks for new ones); with `--deterministic-ids` it is
/// derived from the tenant's name, so that runs give the same URLs.
struct ObjectURLSigner: Sendable {
    private let key: [UInt8]

    init(tenant: Tenant) {
        if tenant.ids.deterministic {
            key = Array("saturn-mock presigned URLs of \(tenant.name)".utf8)
        } else {
            var generator = SystemRandomNumberGenerator()
            key = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        }
    }

    /// A URL under `base` (the tenant's, ending in `/`) for `method` on `path` (from `/`), working until `expires`.
    func url(base: String, method: String, path: String, expires: Int, size: Int?) -> String {
        let sized = size.map { "size=\($0)&" } ?? ""
        return base + path.dropFirst() + "?" + sized + "expires=\(expires)&signature=" + signature(method, path, expires: expires, size: size)
    }

    /// Whether `signature` is this tenant's for the rest.
    func verifies(_ signature: String, method: String, path: String, expires: Int, size: Int?) -> Bool {
        ConstantTime.equals(Array(signature.utf8), Array(self.signature(method, path, expires: expires, size: size).utf8))
    }

    private func signature(_ method: String, _ path: String, expires: Int, size: Int?) -> String {
        var context = hmac_sha256_ctx()
        nettle_hmac_sha256_set_key(&context, key.count, key)
        let message = Array("\(method)\n\(path)\n\(expires)\n\(size.map(String.init) ?? "")".utf8)
        nettle_hmac_sha256_update(&context, message.count, message)
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_SIZE))
        nettle_hmac_sha256_digest(&context, digest.count, &digest)
        return digest.map { String($0, radix: 16, zeroPaddedTo: 2) }.joined()
    }
}
