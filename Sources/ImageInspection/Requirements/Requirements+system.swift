/// The judges of what the document asks of the system: the user jovyan, sshd, sudo.
extension Requirements {
    static func judgeJovyan(_ image: ImageContents) -> Evidence {
        let files = image.files
        guard let passwd = files.entry(at: "etc/passwd"), passwd.entry.kind == .file else {
            return .unmet("etc/passwd is not in the image")
        }
        guard let jovyan = PasswdEntry.find("jovyan", in: passwd.entry.text) else {
            return .unmet("etc/passwd has no user jovyan")
        }
        var problems: [String] = []
        if jovyan.uid != 1000 { problems.append("uid \(jovyan.uid.map(String.init) ?? "?"), not 1000") }
        if jovyan.home != "/home/jovyan" { problems.append("home \(jovyan.home), not /home/jovyan") }
        let home = files.entry(at: "home/jovyan")
        if home?.entry.kind != .directory { problems.append("home/jovyan is not created in the image") }
        guard problems.isEmpty else {
            return Evidence(verdict: .unmet, lines: ["etc/passwd: \(jovyan.line)"] + problems)
        }
        return .met("etc/passwd: \(jovyan.line)", "home/jovyan (owned by uid \(home?.entry.uid ?? 0))")
    }

    static func judgeSSHD(_ image: ImageContents) -> Evidence {
        image.files.hasFile("usr/sbin/sshd") ? .met("usr/sbin/sshd") : .unmet("usr/sbin/sshd is not in the image")
    }

    static func judgeSudoers(_ image: ImageContents) -> Evidence {
        let files = image.files
        var candidates: [(path: String, entry: FileEntry)] = []
        if let sudoers = files.entry(at: "etc/sudoers") { candidates.append(sudoers) }
        candidates += files.children(of: "etc/sudoers.d").map { ($0.path, $0.entry) }
        for (path, entry) in candidates {
            for line in entry.text.split(separator: "\n") {
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                if trimmed.hasPrefix("jovyan ") || trimmed.hasPrefix("jovyan\t") { return .met("\(path): \(trimmed)") }
            }
        }
        return .unmet("no line for jovyan in etc/sudoers or etc/sudoers.d/")
    }
}
