import Testing
@testable import ImageInspection

/// Layers merged as a runtime merges them: later entries win, whiteouts and opaque directories remove what lower
/// layers put there, links are followed.
@Suite struct MergedViewTests {
    private func file(_ uid: Int = 0, _ text: String? = nil) -> FileEntry {
        FileEntry(kind: .file, uid: uid, permissions: 0o644, content: text.map { Array($0.utf8) })
    }

    private func layer(_ entries: [(String, FileEntry)], whiteouts: [String] = [], opaque: [String] = []) -> LayerSummary {
        var summary = LayerSummary()
        summary.entries = entries.map { (path: $0.0, entry: $0.1) }
        summary.whiteouts = whiteouts
        summary.opaqueDirectories = opaque
        return summary
    }

    @Test func aLaterLayerReplacesAnEntry() {
        let view = MergedView(layers: [layer([("etc/passwd", file(0, "a"))]), layer([("etc/passwd", file(1000, "b"))])])
        #expect(view.entry(at: "etc/passwd")?.entry.text == "b")
    }

    @Test func aWhiteoutRemovesTheEntryAndWhatIsUnderIt() {
        let view = MergedView(layers: [
            layer([("opt/a/kernel.json", file()), ("opt/a", FileEntry(kind: .directory, uid: 0, permissions: 0o755)), ("opt/a/b/c", file())]),
            layer([], whiteouts: ["opt/a/kernel.json", "opt/a/b"]),
        ])
        #expect(view.entry(at: "opt/a/kernel.json") == nil)
        #expect(view.entry(at: "opt/a/b/c") == nil)
        #expect(view.entry(at: "opt/a") != nil)
    }

    @Test func anOpaqueDirectoryHidesWhatLowerLayersPutThere() {
        let view = MergedView(layers: [
            layer([("meta/jupyterlab-3.json", file()), ("meta/python-3.9.json", file()), ("metadata", file())]),
            layer([("meta/python-3.10.json", file())], opaque: ["meta"]),
        ])
        #expect(view.children(of: "meta").map(\.name) == ["python-3.10.json"])
        #expect(view.entry(at: "metadata") != nil, "a sibling whose name starts alike stays")
    }

    @Test func linksAreFollowedAbsoluteAndRelative() {
        let view = MergedView(layers: [layer([
            ("etc/R/Renviron", file(0, "R_LIBS=x")),
            ("usr/lib/R/etc", FileEntry(kind: .symlink("/etc/R"), uid: 0, permissions: 0o777)),
            ("sbin", FileEntry(kind: .symlink("usr/sbin"), uid: 0, permissions: 0o777)),
            ("usr/sbin/sshd", file()),
            ("loop", FileEntry(kind: .symlink("loop"), uid: 0, permissions: 0o777)),
        ])])
        #expect(view.entry(at: "usr/lib/R/etc/Renviron")?.path == "etc/R/Renviron")
        #expect(view.hasFile("sbin/sshd"))
        #expect(view.entry(at: "loop") == nil)
        #expect(view.entry(at: "usr/lib/R/etc", followingLast: false)?.entry.kind == .symlink("/etc/R"))
    }

    @Test func aHardLinkTakesItsTargetsEntry() {
        var second = LayerSummary()
        second.hardLinks = [("usr/sbin/sshd", "usr/libexec/sshd", FileEntry(kind: .file, uid: 5, permissions: 0o700))]
        let view = MergedView(layers: [layer([("usr/libexec/sshd", file(0, "elf"))]), second])
        #expect(view.entry(at: "usr/sbin/sshd")?.entry.text == "elf")
        var alone = LayerSummary()
        alone.hardLinks = [("usr/sbin/sshd", "not/kept", FileEntry(kind: .file, uid: 5, permissions: 0o700))]
        #expect(MergedView(layers: [alone]).entry(at: "usr/sbin/sshd")?.entry.uid == 5)
    }

    @Test(arguments: [("./opt/saturncloud/", "opt/saturncloud"), ("/etc//passwd", "etc/passwd"), ("a/./b/../c", "a/c"), ("./", "")])
    func pathsAreNormalized(raw: String, normalized: String) {
        #expect(ImagePath.normalize(raw) == normalized)
    }
}
