import SaturnDomain
import SaturnJSON

/// Saturn's `DailyUsage`; the mock knows no prices, so `dollars` is 0.
struct WireDailyUsage: JSONWritable {
    let usage: DailyUsage

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("hours")
            json.number(usage.hours)
            json.key("dollars")
            json.integer(0)
            json.key("date")
            json.string(usage.date)
            json.key("instance_type")
            json.string(usage.instanceType)
            json.key("resource_type")
            json.string(usage.resourceType)
        }
    }
}
