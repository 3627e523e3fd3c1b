import SaturnDomain

extension JSONFields {
    /// A string that `null` clears: nil when the field is absent, `.some(nil)` for `null`.
    func nullableString(_ key: String, issues: inout ValidationIssues) -> String?? {
        switch values[key] {
        case nil: return nil
        case .null?: return .some(nil)
        default: return string(key, issues: &issues).map { .some($0) }
        }
    }

    /// A boolean Saturn's spec lets a request set that the mock holds at one value: that value is accepted, another
    /// is refused as not mocked.
    func fixedBool(_ key: String, is fixed: Bool, issues: inout ValidationIssues) {
        guard let given = bool(key, issues: &issues), given != fixed else { return }
        issues.add(path(key), "the mock keeps every user \(key) \(fixed); it does not mock \(given)")
    }
}
