/// Where the bytes of object storage are kept, beside the journal, which records only which blobs a file or an
/// upload holds (README "Object storage"). A blob is written, durably, before the commit that names it: from the
/// write until that commit it is pinned, so that no sweep takes it; after the commit the tenant's state holds it.
public protocol BlobStore: Sendable {
    /// Keeps `bytes` as a blob, pinned until `unpin`.
    func put(_ bytes: [UInt8]) throws(StoreError) -> Blob
    /// Keeps the blobs' bytes one after another as one new blob, pinned until `unpin`.
    func concatenate(_ blobs: [Blob]) throws(StoreError) -> Blob
    /// Lets a sweep take the blob again, once a commit names it (or failed to).
    func unpin(_ blob: Blob)
    /// `count` bytes of a blob from `offset`, where they can be read; nil when the blob is gone.
    func content(of blob: String, offset: Int, count: Int) -> BlobContent?
    /// The size of a blob; nil when it is gone.
    func size(of blob: String) -> Int?
    /// Removes every blob that is not pinned and that `keeping` does not name, asking `keeping` only when there are
    /// blobs at all; when it answers nil (what is in use cannot be told), nothing is removed.
    func sweep(keeping: () -> Set<String>?)
}
