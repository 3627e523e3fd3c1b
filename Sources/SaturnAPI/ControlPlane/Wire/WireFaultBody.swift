import SaturnDomain
import SaturnJSON

/// A fault rule's answer: the body it gives, else Saturn's error shape naming the rule.
struct WireFaultBody: JSONWritable {
    let rule: FaultRules.Rule

    func write(to output: inout JSONOutput) {
        if let body = rule.body {
            output.value(body)
        } else {
            WireError(message: "Injected by saturn-mock fault rule \(rule.id).", errorCode: "injected_fault", errors: nil).write(to: &output)
        }
    }
}
