import SaturnDomain

extension JSONFields {
    /// An email address: text before and after one `@`, no spaces, as Saturn's forms take one. The mock sends no mail.
    func email(_ key: String, required: Bool = false, issues: inout ValidationIssues) -> String? {
        guard let text = string(key, required: required, maxLength: 254, issues: &issues) else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, !text.contains(where: \.isWhitespace) else {
            issues.add(path(key), "'\(text)' is not an email address such as someone@example.com")
            return nil
        }
        return text
    }
}
