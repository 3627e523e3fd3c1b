import SaturnDomain
import SaturnJSON

struct WireFault: JSONWritable {
    let rule: FaultRules.Rule

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("id")
            json.string(rule.id)
            json.key("method")
            json.string(rule.method)
            json.key("path")
            json.string(rule.path.text)
            json.key("caller")
            json.string(rule.caller)
            json.key("status")
            if let status = rule.status { json.integer(status) } else { json.null() }
            json.key("delay_ms")
            json.integer(rule.delayMilliseconds)
            json.key("drop_connection")
            json.bool(rule.dropConnection)
            json.key("times")
            json.integer(rule.times)
            json.key("after")
            json.integer(rule.after)
            json.key("matched")
            json.integer(rule.matched)
            json.key("applied")
            json.integer(rule.applied)
        }
    }
}
