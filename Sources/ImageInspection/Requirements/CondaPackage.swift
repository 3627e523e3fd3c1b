/// A package of a conda environment, known by its record in `conda-meta/`: `<name>-<version>-<build>.json`. Names
/// hold dashes (`python-dateutil`), versions and builds never do.
struct CondaPackage: Equatable {
    let name: String
    let version: String
    /// The record's file name.
    let file: String

    /// The package a record file names; nil for any other file (`history`).
    init?(file: String) {
        guard file.hasSuffix(".json") else { return nil }
        let parts = file.dropLast(5).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return nil }
        name = parts.dropLast(2).joined(separator: "-")
        version = String(parts[parts.count - 2])
        self.file = file
    }

    /// The packages recorded in the environment at `prefix` (`opt/saturncloud`).
    static func installed(in prefix: String, of files: MergedView) -> [CondaPackage] {
        files.children(of: prefix + "/conda-meta").compactMap { CondaPackage(file: $0.name) }
    }

    /// Whether the version is at least `major.minor`.
    func isAtLeast(_ major: Int, _ minor: Int) -> Bool {
        let numbers = version.split(separator: ".").map { Int($0.prefix { $0.isNumber }) ?? 0 }
        let found = (numbers.first ?? 0, numbers.count > 1 ? numbers[1] : 0)
        return found >= (major, minor)
    }
}
