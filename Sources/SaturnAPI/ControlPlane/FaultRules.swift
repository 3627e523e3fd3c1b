import SaturnDomain
import SaturnJSON
import Synchronization

/// One tenant's fault rules (`/_mock/faults`): which requests they catch and what they do instead of, or before,
/// the real answer. They apply in order, before routing, and never to `/_mock/` itself.
final class FaultRules: Sendable {
    /// The most rules a tenant holds, and the largest body one answers with: rules live in memory.
    static let limit = 100
    static let bodyLimit = 65_536
    /// Statuses whose answers carry no body (RFC 9110 §15.3.5, §15.4.5).
    static let bodilessStatuses: Set<Int> = [204, 304]

    struct Rule: Sendable {
        let id: String
        let method: String?
        let path: PathPattern
        let caller: String?
        let status: Int?
        /// The answer's body; Saturn's error shape naming the rule when none is given.
        let body: JSONValue?
        let delayMilliseconds: Int
        let dropConnection: Bool
        /// How many requests it acts on; 0 for every one.
        let times: Int
        /// How many matching requests pass untouched first.
        let after: Int
        var matched = 0
        var applied = 0

        var exhausted: Bool { times > 0 && applied >= times }
        var needsCaller: Bool { caller != nil }
    }

    private struct Rules {
        var list: [Rule] = []
        var issued = 0
    }

    private let rules = Mutex(Rules())
    /// How many rules exist: the request path skips the lock while there are none.
    private let count = Atomic<Int>(0)

    /// Adds a rule at the end; returns it with its id. Refused once the tenant holds `limit` rules.
    func add(_ make: (String) -> Rule) throws -> Rule {
        try rules.withLock { rules in
            guard rules.list.count < Self.limit else { throw APIError.faultLimit(Self.limit) }
            rules.issued += 1
            let rule = make("f\(rules.issued)")
            rules.list.append(rule)
            count.store(rules.list.count, ordering: .relaxed)
            return rule
        }
    }

    /// Every rule, in order.
    var all: [Rule] { rules.withLock { $0.list } }

    /// The rule with this id.
    func rule(_ id: String) -> Rule? { rules.withLock { $0.list.first { $0.id == id } } }

    /// Removes one rule, or every rule; false when there was none.
    @discardableResult
    func remove(_ id: String?) -> Bool {
        rules.withLock { rules in
            let before = rules.list.count
            if let id { rules.list.removeAll { $0.id == id } } else { rules.list.removeAll() }
            count.store(rules.list.count, ordering: .relaxed)
            return rules.list.count < before
        }
    }

    /// The rule that acts on this request, counting the match; `caller` is asked only when a rule names one.
    func match(method: String, path: String, caller: () -> String?) -> Rule? {
        guard count.load(ordering: .relaxed) > 0 else { return nil }
        let wantsCaller = rules.withLock { $0.list.contains(where: \.needsCaller) }
        let username = wantsCaller ? caller() : nil
        return rules.withLock { rules in
            for index in rules.list.indices {
                let rule = rules.list[index]
                guard !rule.exhausted, rule.method.map({ $0.uppercased() == method.uppercased() }) ?? true,
                      rule.path.matches(path), rule.caller.map({ $0 == username }) ?? true
                else { continue }
                rules.list[index].matched += 1
                guard rules.list[index].matched > rule.after else { continue }
                rules.list[index].applied += 1
                return rules.list[index]
            }
            return nil
        }
    }
}
