/// A git remote URL as `git clone` takes one: `scheme://[user@]host[:port]/path` (ssh, git, http, https) or the
/// scp-like `[user@]host:path`; its name is the folder git clones it into.
public enum GitRemote {
    private static let schemes = ["ssh", "git", "http", "https"]

    /// What is wrong with `url` as a remote, or nil when `git clone` could take it.
    public static func problem(in url: String) -> String? {
        guard !url.isEmpty else { return "must not be empty" }
        guard url.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            return "'\(url)' holds a space, a control character or a character beyond ASCII; a remote URL has none"
        }
        let forms = "scheme://host/path (\(schemes.joined(separator: ", "))) or user@host:path"
        if let separator = url.firstRange(of: "://") {
            let scheme = url[..<separator.lowerBound].lowercased()
            let rest = url[separator.upperBound...]
            guard schemes.contains(scheme) else { return "'\(url)' has the scheme '\(scheme)'; a remote is \(forms)" }
            guard let slash = rest.firstIndex(of: "/"), slash != rest.startIndex, !cloneName(of: url).isEmpty else {
                return "'\(url)' names no host and repository path; a remote is \(forms)"
            }
            return nil
        }
        guard let colon = url.firstIndex(of: ":"), colon != url.startIndex, !url[..<colon].contains("/"),
              !cloneName(of: url).isEmpty else {
            return "'\(url)' is not \(forms)"
        }
        return nil
    }

    /// The folder `git clone` makes for `url`: the last part of its path, without `.git`
    /// (`git@github.com:saturncloud/examples.git` is `examples`).
    public static func cloneName(of url: String) -> String {
        var path = Substring(url)
        if let separator = path.firstRange(of: "://") { path = path[separator.upperBound...].drop { $0 != "/" } }
        while path.hasSuffix("/") { path = path.dropLast() }
        let last = path.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == ":" }).last ?? ""
        return String(last.hasSuffix(".git") ? last.dropLast(4) : last)
    }
}
