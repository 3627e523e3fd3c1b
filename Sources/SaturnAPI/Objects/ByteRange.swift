/// One range of a `Range` header (RFC 9110 §14.1.2): `bytes=first-last`, `bytes=first-` or `bytes=-suffix`, read
/// against a file's size. A header in another form (several ranges, another unit) is ignored, as the RFC allows.
struct ByteRange {
    /// The bytes asked for, within the file; nil when none of them is in it (a 416).
    let range: Range<Int>?

    /// Nil for a header the mock does not read.
    init?(_ header: String, size: Int) {
        guard header.hasPrefix("bytes="), !header.contains(",") else { return nil }
        let bounds = header.dropFirst("bytes=".count).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard bounds.count == 2 else { return nil }
        if bounds[0].isEmpty {
            guard let suffix = Int(bounds[1]), suffix >= 0 else { return nil }
            range = suffix == 0 || size == 0 ? nil : max(0, size - suffix)..<size
        } else {
            guard let first = Int(bounds[0]), first >= 0 else { return nil }
            let last = bounds[1].isEmpty ? Int.max - 1 : Int(bounds[1])
            guard let last, last >= first else { return nil }
            range = first < size ? first..<min(size, last + 1) : nil
        }
    }
}
