/// The judges of what the document asks of an R server: R and who owns it, RStudio Server and its configuration,
/// and `Renviron`'s `R_LIBS`.
extension Requirements {
    /// Where the document lets R live.
    static let rHomes = ["usr/lib/R", "usr/local/lib/R"]
    static let rserver = "usr/lib/rstudio-server/bin/rserver"
    static let rserverConf = "etc/rstudio/rserver.conf"
    /// The settings of saturnbase-r's `rserver.conf` that Saturn relies on.
    static let rserverSettings = ["www-port=8888", "server-user=jovyan", "auth-none=1"]
    /// The line the document asks `Renviron` to hold.
    static let rLibs = "R_LIBS=/usr/local/lib/R:/usr/local/lib/R/site-library:/usr/lib/R/site-library:/usr/lib/R/library"

    static func judgeR(_ image: ImageContents) -> Evidence {
        let files = image.files
        guard let home = rHomes.first(where: { files.hasFile("\($0)/bin/R") }) else {
            return .unmet("no R: neither \(rHomes.map { "\($0)/bin/R" }.joined(separator: " nor ")) is in the image")
        }
        // Every entry under the R home as R and its packages are installed there, owned by jovyan, readable and
        // writable by its owner; links carry no bits of their own.
        let entries = [files.entry(at: home).map { [$0] } ?? [], files.entries(under: home)].joined().filter {
            if case .symlink = $0.entry.kind { false } else { true }
        }
        let wrong = entries.filter { $0.entry.uid != 1000 || $0.entry.permissions & 0o600 != 0o600 }
        guard let first = wrong.first else {
            return .met("\(home)/bin/R", "\(entries.count) entries under \(home), all owned by uid 1000 with read/write")
        }
        let how = first.entry.uid != 1000 ? "uid \(first.entry.uid)" : "mode \(String(first.entry.permissions, radix: 8))"
        return .unmet("\(home)/bin/R", "\(wrong.count) of \(entries.count) entries under \(home) are not owned by uid 1000 with read/write, \(first.path) (\(how)) first")
    }

    static func judgeRStudio(_ image: ImageContents) -> Evidence {
        let files = image.files
        guard files.hasFile(rserver) else { return .unmet("\(rserver) is not in the image: RStudio Server is not installed") }
        guard let conf = files.entry(at: rserverConf), conf.entry.kind == .file else {
            return .unmet("\(rserver)", "\(rserverConf) is not in the image")
        }
        let lines = Set(conf.entry.text.split(separator: "\n").map { $0.filter { $0 != " " && $0 != "\t" } })
        let missing = rserverSettings.filter { !lines.contains($0) }
        guard missing.isEmpty else {
            return .unmet("\(rserver)", "\(rserverConf) lacks \(missing.joined(separator: ", ")) (saturnbase-r sets \(rserverSettings.joined(separator: ", ")))")
        }
        return .met("\(rserver)", "\(rserverConf): \(rserverSettings.joined(separator: ", "))")
    }

    static func judgeRenviron(_ image: ImageContents) -> Evidence {
        let files = image.files
        let renvirons = rHomes.compactMap { home in files.entry(at: "\(home)/etc/Renviron").map { ("\(home)/etc/Renviron", $0.path, $0.entry) } }
        for (path, found, entry) in renvirons where entry.text.split(separator: "\n").contains(where: { $0 == rLibs }) {
            return .met(path == found ? "\(path): \(rLibs)" : "\(path) (at \(found)): \(rLibs)")
        }
        let sites = rHomes.compactMap { home in files.entry(at: "\(home)/etc/Renviron.site").map { ("\(home)/etc/Renviron.site", $0.entry) } }
        for (path, entry) in sites {
            guard let line = entry.text.split(separator: "\n").first(where: { $0.hasPrefix("R_LIBS=") || $0.hasPrefix("R_LIBS_SITE=") }) else { continue }
            let lacking = renvirons.first.map { "\($0.0) lacks the document's line" } ?? "no Renviron"
            return Evidence(verdict: .equivalent, lines: ["\(lacking) (\(rLibs))", "an equivalent is set in \(path): \(line)"])
        }
        guard let first = renvirons.first else {
            return .unmet("no Renviron: neither \(rHomes.map { "\($0)/etc/Renviron" }.joined(separator: " nor ")) is in the image")
        }
        return .unmet("\(first.0) lacks the line \(rLibs)")
    }
}
