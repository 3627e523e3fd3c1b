import FoundationEssentials
import SaturnDomain

/// Saturn's timestamps, `%Y-%m-%dT%H:%M:%S+00:00`.
enum SaturnTime {
    static func format(_ date: Date) -> String {
        String(UTCTimestamp.format(date).dropLast()) + "+00:00"
    }
}
