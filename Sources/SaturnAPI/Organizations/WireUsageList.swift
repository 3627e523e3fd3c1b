import SaturnJSON

/// Saturn's `DailyUsageList`: every day in one answer.
struct WireUsageList: JSONWritable {
    let usage: [WireDailyUsage]

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("usage")
            json.array(usage) { json, day in day.write(to: &json) }
        }
    }
}
