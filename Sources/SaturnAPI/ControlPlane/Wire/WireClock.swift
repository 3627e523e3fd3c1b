import SaturnDomain
import SaturnJSON

struct WireClock: JSONWritable {
    let clock: TenantClock

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("now")
            json.string(UTCTimestamp.format(clock.now()))
            json.key("frozen")
            json.bool(clock.isFrozen)
        }
    }
}
