/// What a tenant's command answers: its result, and the commit it made, on its way to the disk.
public struct Committed<Value: Sendable>: Sendable {
    /// What the command did; final unless the store fails to make the commit durable.
    public let value: Value
    public let commit: Commit

    init(_ value: Value, commit: Commit) {
        self.value = value
        self.commit = commit
    }
}
