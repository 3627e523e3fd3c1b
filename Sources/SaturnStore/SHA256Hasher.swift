import CNettle

/// SHA-256 over bytes fed in pieces (nettle's), for the names of blobs: a blob is its digest in lowercase hex.
struct SHA256Hasher {
    private var context = sha256_ctx()

    init() {
        nettle_sha256_init(&context)
    }

    /// Feeds bytes.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress else { return }
        nettle_sha256_update(&context, bytes.count, base.assumingMemoryBound(to: UInt8.self))
    }

    /// The digest of everything fed, as 64 lowercase hex digits.
    mutating func hex() -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_SIZE))
        nettle_sha256_digest(&context, digest.count, &digest)
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: digest.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }
}
