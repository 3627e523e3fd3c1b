import Glibc

/// Why a seed file was refused: the file, the entry and the rule it broke.
public struct SeedError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The seed file's path as given.
    public let file: String
    /// The entry, e.g. `users[0] (alice).memberships`.
    public let entry: String
    /// The rule it broke, in words.
    public let rule: String

    public var description: String { "seed file \(file): \(entry): \(rule)" }
}
