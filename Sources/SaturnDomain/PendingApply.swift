/// An accepted apply on its way to the disk.
public struct PendingApply: Sendable {
    /// What the apply did; final unless the store fails to make it durable.
    public let outcome: ApplyOutcome
    /// The write behind it.
    public let write: PendingWrite

    /// Calls back, on any thread, with nil once the apply is durable, or with the error that undid it.
    public func whenDurable(_ callback: @escaping @Sendable (DomainError?) -> Void) {
        write.whenDurable(callback)
    }
}
