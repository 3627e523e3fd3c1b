/// The image version a resource runs, by the ids of the image recipe and of its version: renaming either keeps the
/// resource pointed at it, and neither can be deleted while a resource uses it.
public struct ImageBinding: Equatable, Hashable, Sendable {
    public var imageID: RecordID
    public var versionID: RecordID

    /// Creates a binding.
    public init(imageID: RecordID, versionID: RecordID) {
        self.imageID = imageID
        self.versionID = versionID
    }
}
