import FoundationEssentials

/// Saturn's timestamps, `%Y-%m-%dT%H:%M:%S+00:00`: how its API writes times, and how orgs and users keep theirs.
public enum SaturnTime {
    /// The instant in Saturn's form, truncated to its second.
    public static func format(_ date: Date) -> String {
        String(UTCTimestamp.format(date).dropLast()) + "+00:00"
    }
}
