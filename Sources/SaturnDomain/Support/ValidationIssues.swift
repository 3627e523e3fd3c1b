/// Every problem found in one request body or query, keyed by the JSON path (or query parameter) it concerns.
public struct ValidationIssues: Equatable, Sendable {
    /// Problems by path, in the order they were found.
    public private(set) var problems: [(path: String, problem: String)] = []

    /// An empty list.
    public init() {}

    /// Records one problem at a path.
    public mutating func add(_ path: String, _ problem: String) {
        problems.append((path, problem))
    }

    /// The same problems, each path placed under `prefix` (`recipes[2]` + `spec.name`).
    public func under(_ prefix: String) -> ValidationIssues {
        var moved = ValidationIssues()
        for (path, problem) in problems {
            moved.add(path == "(body)" ? prefix : "\(prefix).\(path)", problem)
        }
        return moved
    }

    /// Adds every problem of `other`.
    public mutating func add(contentsOf other: ValidationIssues) {
        problems += other.problems
    }

    /// True when nothing was recorded.
    public var isEmpty: Bool { problems.isEmpty }

    /// Throws every recorded problem as one `invalid` error; nothing when none was recorded.
    public func throwIfAny() throws(DomainError) {
        guard isEmpty else { throw .invalid(self) }
    }

    /// Problems grouped by path, for the error body's `errors` object.
    public var byPath: [String: [String]] {
        Dictionary(grouping: problems, by: \.path).mapValues { $0.map(\.problem) }
    }

    /// One sentence naming the first problem and how many others there are.
    public var summary: String {
        guard let first = problems.first else { return "no problems" }
        let rest = problems.count - 1
        let tail = rest == 0 ? "" : " (and \(rest) more problem\(rest == 1 ? "" : "s"), see errors)"
        return "\(first.path): \(first.problem)\(tail)"
    }

    public static func == (lhs: ValidationIssues, rhs: ValidationIssues) -> Bool {
        lhs.problems.elementsEqual(rhs.problems) { $0.path == $1.path && $0.problem == $1.problem }
    }
}
