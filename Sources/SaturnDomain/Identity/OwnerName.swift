/// The naming rule shared by orgs, users and groups.
public enum OwnerName {
    /// The rule in words, for error messages.
    public static let rule = "lowercase letters, digits and single inner hyphens, at most \(FieldLimits.ownerName) characters"

    /// True for names of lowercase ASCII letters and digits with single hyphens between them, 1 to
    /// `FieldLimits.ownerName` long.
    public static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard (1...FieldLimits.ownerName).contains(bytes.count), bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else {
            return false
        }
        var previousWasHyphen = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasHyphen = false
            case UInt8(ascii: "-") where !previousWasHyphen:
                previousWasHyphen = true
            default:
                return false
            }
        }
        return true
    }
}
