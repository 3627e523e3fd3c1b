/// Which entries of a layer are kept, and which are read, from what the requirements need.
struct ScanScope: Sendable {
    /// What is done with one entry.
    enum Decision {
        case skip
        case keep
        case read
    }

    /// The most of a file's content that is read: the files checks read are small text files.
    static let contentLimit = 1 << 20

    private var paths: [String: Bool] = [:]
    private var folders: [String: Bool] = [:]
    private var trees: [String] = []
    private var names: Set<String> = []

    /// The scope of everything `needs` asks for.
    init(_ needs: [PathNeed]) {
        for need in needs {
            switch need {
            case let .path(path, content): paths[path] = (paths[path] ?? false) || content
            case let .children(folder, content): folders[folder] = (folders[folder] ?? false) || content
            case let .tree(folder): trees.append(folder)
            case let .named(name): names.insert(name)
            }
        }
    }

    /// What to do with the entry at `path` (normalized), whose last component is `name`.
    func decide(_ path: String, name: String) -> Decision {
        if let content = paths[path] { return content ? .read : .keep }
        if names.contains(name) { return .read }
        if let content = folders[ImagePath.parent(of: path)] { return content ? .read : .keep }
        if trees.contains(where: { path == $0 || ImagePath.isInside(path, $0) }) { return .keep }
        return .skip
    }
}
