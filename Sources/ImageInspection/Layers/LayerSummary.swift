/// What one layer does to the files the checks need: the lower files it removes (whiteouts), the directories it
/// empties of lower files (opaque directories), and the entries it adds, in the layer's order.
public struct LayerSummary: Sendable {
    /// Paths a `.wh.NAME` entry removes from the layers below, with everything under them.
    public var whiteouts: [String] = []
    /// Directories a `.wh..wh..opq` entry empties of what the layers below put there.
    public var opaqueDirectories: [String] = []
    /// The entries kept, by path: later entries of the same path replace earlier ones.
    public var entries: [(path: String, entry: FileEntry)] = []
    /// Hard links kept: the path, the path it links to (the same file, whose entry it takes), and its own header's
    /// entry for when the target is not kept.
    public var hardLinks: [(path: String, target: String, entry: FileEntry)] = []
    /// Every entry the layer holds, kept or not.
    public var entryCount = 0

    /// An empty summary.
    public init() {}

    /// How much the summary holds, to bound a cache of summaries.
    var weight: Int { entries.count + hardLinks.count + whiteouts.count + opaqueDirectories.count + 1 }
}
