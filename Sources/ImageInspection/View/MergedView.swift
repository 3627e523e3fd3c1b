/// The image's files as a container sees them: the layers applied in order, each one's whiteouts and opaque
/// directories removing what the layers below put there, links followed. Holds only the entries the requirements
/// need (`ScanScope`).
public struct MergedView: Sendable {
    private var files: [String: FileEntry] = [:]

    /// The view of `layers`, lowest first.
    public init(layers: [LayerSummary]) {
        for layer in layers { apply(layer) }
    }

    private mutating func apply(_ layer: LayerSummary) {
        for folder in layer.opaqueDirectories { removeInside(folder) }
        for path in layer.whiteouts {
            files[path] = nil
            removeInside(path)
        }
        for (path, entry) in layer.entries {
            if entry.kind != .directory, files[path]?.kind == .directory { removeInside(path) }
            files[path] = entry
        }
        for link in layer.hardLinks { files[link.path] = files[link.target] ?? link.entry }
    }

    private mutating func removeInside(_ folder: String) {
        guard files.keys.contains(where: { ImagePath.isInside($0, folder) }) else { return }
        files = files.filter { !ImagePath.isInside($0.key, folder) }
    }

    /// How many entries the view holds.
    public var count: Int { files.count }

    /// The entry at `path` with symbolic links followed (the last component too, unless `followingLast` is false),
    /// and the path it was found at; nil when nothing is there.
    public func entry(at path: String, followingLast: Bool = true) -> (path: String, entry: FileEntry)? {
        guard let resolved = resolve(path, followingLast: followingLast), let entry = files[resolved] else { return nil }
        return (resolved, entry)
    }

    /// Whether a file or a link to one is at `path`.
    public func hasFile(_ path: String) -> Bool {
        entry(at: path)?.entry.kind == .file
    }

    /// The entries directly inside the folder at `path`, by name, in name order.
    public func children(of path: String) -> [(name: String, path: String, entry: FileEntry)] {
        guard let folder = resolve(path, followingLast: true) else { return [] }
        return files.compactMap { key, entry in
            ImagePath.parent(of: key) == folder && !key.isEmpty ? (ImagePath.name(of: key), key, entry) : nil
        }.sorted { $0.name < $1.name }
    }

    /// Every entry under the folder at `path`, in path order.
    public func entries(under path: String) -> [(path: String, entry: FileEntry)] {
        guard let folder = resolve(path, followingLast: true) else { return [] }
        return files.filter { ImagePath.isInside($0.key, folder) }.map { ($0.key, $0.value) }.sorted { $0.path < $1.path }
    }

    /// The path that `path` names once every link on the way is followed; nil past 40 links (a loop).
    func resolve(_ path: String, followingLast: Bool) -> String? {
        var components = ImagePath.normalize(path).split(separator: "/").map(String.init)
        var resolved = ""
        var index = 0
        var hops = 0
        while index < components.count {
            let candidate = resolved.isEmpty ? components[index] : resolved + "/" + components[index]
            let isLast = index == components.count - 1
            if case let .symlink(target)? = files[candidate]?.kind, !isLast || followingLast {
                hops += 1
                guard hops <= 40 else { return nil }
                let base = target.hasPrefix("/") ? "" : resolved
                let rest = components[(index + 1)...]
                components = ImagePath.join(base, target).split(separator: "/").map(String.init) + rest
                resolved = ""
                index = 0
                continue
            }
            resolved = candidate
            index += 1
        }
        return resolved
    }
}
