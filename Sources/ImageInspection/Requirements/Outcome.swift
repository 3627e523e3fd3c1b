/// A requirement's outcome for one kind of resource: `pass`, `warning` (an optional one unmet, or an equivalent
/// found), `fail` (a required one unmet).
public enum Outcome: String, Sendable, Comparable {
    case pass
    case warning
    case fail

    public static func < (left: Outcome, right: Outcome) -> Bool {
        let order: [Outcome] = [.pass, .warning, .fail]
        return order.firstIndex(of: left)! < order.firstIndex(of: right)!
    }
}
