import SaturnJSON

extension JSONOutput {
    /// Writes an id as the JSON string it is written as.
    public mutating func string(_ id: RecordID) {
        id.withText { string(utf8: $0) }
    }
}
