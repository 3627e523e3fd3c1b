import FoundationEssentials

extension Date {
    /// The instant without its fraction of a second: creation times are kept, written and read back in whole seconds.
    public var wholeSeconds: Date { Date(timeIntervalSince1970: timeIntervalSince1970.rounded(.down)) }
}
