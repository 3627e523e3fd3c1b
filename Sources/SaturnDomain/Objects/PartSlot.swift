/// A part an upload may receive next: its number and the bytes it must hold (what a presigned URL is made for).
public struct PartSlot: Sendable, Equatable {
    public let number: Int
    public let size: Int

    /// Creates a slot.
    public init(number: Int, size: Int) {
        self.number = number
        self.size = size
    }
}
