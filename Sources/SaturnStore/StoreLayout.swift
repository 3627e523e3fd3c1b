import FoundationEssentials
import SaturnDomain
import Glibc

/// The files of a data folder: `snapshot.json`, `journal-<generation>.log`, and the `saturn-mock.lock` owner lock.
struct StoreLayout: Sendable {
    let folder: String

    var snapshot: String { folder + "/snapshot.json" }
    var lock: String { folder + "/saturn-mock.lock" }
    /// The blobs of object storage (`BlobFolder`).
    var objectsFolder: String { folder + "/objects" }
    /// Named snapshots, one folder per tenant.
    var snapshotsFolder: String { folder + "/snapshots" }

    func snapshotFolder(of tenant: String) -> String { snapshotsFolder + "/" + tenant }

    func namedSnapshot(tenant: String, name: String) -> String { snapshotFolder(of: tenant) + "/" + name + ".json" }

    func journal(_ generation: Int) -> String {
        folder + "/journal-" + String(generation, zeroPaddedTo: 8) + ".log"
    }

    /// The generations of the journal files present, ascending.
    func journalGenerations() -> [Int] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.compactMap { name -> Int? in
            guard name.hasPrefix("journal-"), name.hasSuffix(".log") else { return nil }
            return Int(name.dropFirst("journal-".count).dropLast(".log".count))
        }.sorted()
    }

    /// A new folder for files that `--recover` moves aside.
    func recoveryFolder() -> String {
        let stamp = UTCTimestamp.format(Date()).replacing(":", with: "")
        return folder + "/recovered-" + stamp
    }

    /// The folder part of a path (`.` for a bare name).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The last component of a path.
    static func fileName(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }
}
