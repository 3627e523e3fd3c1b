/// One line of `etc/passwd`: `name:password:uid:gid:gecos:home:shell`.
struct PasswdEntry {
    let name: String
    let uid: Int?
    let home: String
    /// The line as written.
    let line: String

    /// The entry of `user` in the passwd file's text, if it has one.
    static func find(_ user: String, in text: String) -> PasswdEntry? {
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count >= 7, fields[0] == user else { continue }
            return PasswdEntry(name: user, uid: Int(fields[2]), home: String(fields[5]), line: String(line))
        }
        return nil
    }
}
