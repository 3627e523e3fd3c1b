/// One page of an owner's files under a prefix (`GET /api/object_storage`): with `delimited`, the folders directly
/// under the prefix (each a prefix ending in '/') and the files directly in it; without, every file under it. Files
/// and folders share one order by key, and a page ends at `nextLastKey` when more follow.
public struct ObjectListing: Sendable {
    public let folders: [String]
    public let files: [ObjectFile]
    public let nextLastKey: String?

    /// Lists `files` (one owner's, in path order) under `prefix`, after `lastKey`, at most `maxKeys` entries.
    init(_ files: [ObjectFile], prefix: String, lastKey: String?, maxKeys: Int, delimited: Bool) {
        var entries: [(key: String, file: ObjectFile?)] = []
        for file in files where file.path.hasPrefix(prefix) {
            let rest = file.path.dropFirst(prefix.count)
            if delimited, let slash = rest.firstIndex(of: "/") {
                let folder = prefix + rest[..<slash] + "/"
                if entries.last?.key != folder { entries.append((folder, nil)) }
            } else {
                entries.append((file.path, file))
            }
        }
        let after = entries.drop { entry in lastKey.map { entry.key <= $0 } ?? false }
        let page = after.prefix(maxKeys)
        folders = page.filter { $0.file == nil }.map { $0.key }
        self.files = page.compactMap { $0.file }
        nextLastKey = after.count > page.count ? page.last?.key : nil
    }
}
