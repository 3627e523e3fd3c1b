/// A path pattern of the control plane: `*` stands for any run of characters, `/` included; everything else is
/// itself. `/api/recipes*` matches every recipe path, `*` every path.
struct PathPattern: Sendable, Equatable {
    let text: String
    private let pieces: [Substring]

    init(_ text: String) {
        self.text = text
        pieces = text.split(separator: "*", omittingEmptySubsequences: false)
    }

    func matches(_ path: String) -> Bool {
        guard pieces.count > 1 else { return path == text }
        var rest = Substring(path)
        guard rest.hasPrefix(pieces[0]) else { return false }
        rest = rest.dropFirst(pieces[0].count)
        for piece in pieces.dropFirst().dropLast() where !piece.isEmpty {
            guard let found = rest.firstRange(of: piece) else { return false }
            rest = rest[found.upperBound...]
        }
        return rest.hasSuffix(pieces[pieces.count - 1])
    }
}
