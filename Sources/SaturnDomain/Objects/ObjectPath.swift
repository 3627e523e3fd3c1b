/// The rule for a file path in object storage: what saturnfs makes of `sfs://org/identity/<path>`, kept as an S3 key.
public enum ObjectPath {
    /// The rule, for messages.
    public static let rule = "a file path is 1 to \(ObjectLimits.pathBytes) bytes of UTF-8 without a leading or trailing '/', an empty segment ('//') or a control character"

    /// Records a problem at `field` unless `path` follows the rule.
    public static func check(_ path: String, at field: String, issues: inout ValidationIssues) {
        let bytes = Array(path.utf8)
        let slash = UInt8(ascii: "/")
        let broken = bytes.isEmpty || bytes.count > ObjectLimits.pathBytes || bytes.first == slash || bytes.last == slash
            || bytes.contains { $0 < 0x20 || $0 == 0x7f } || zip(bytes, bytes.dropFirst()).contains { $0 == slash && $1 == slash }
        if broken { issues.add(field, "'\(path.prefix(80))' is not a file path: \(rule)") }
    }
}
