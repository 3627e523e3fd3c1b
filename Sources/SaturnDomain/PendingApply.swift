/// An accepted apply on its way to the disk.
public struct PendingApply: Sendable {
    /// What the apply did; final unless the store fails to make it durable.
    public let outcome: ApplyOutcome
    let ticket: UInt64?
    let catalog: RecipeCatalog

    /// Calls back, on any thread, with nil once the apply is durable, or with the error that undid it.
    public func whenDurable(_ callback: @escaping @Sendable (DomainError?) -> Void) {
        guard let ticket else { return callback(nil) }
        catalog.whenDurable(ticket, callback)
    }
}
