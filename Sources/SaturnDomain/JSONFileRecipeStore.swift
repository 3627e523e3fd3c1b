import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Keeps every recipe in one JSON document, `recipes.json`, rewritten whole and durably on each commit:
/// temp file, fsync, rename over the old one, fsync of the folder.
public struct JSONFileRecipeStore: RecipeStore {
    /// The format version written in the document; loading refuses any other.
    static let formatVersion = 1

    private let folder: String
    private var file: String { folder + "/recipes.json" }

    /// Uses `folder`, creating it if needed.
    public init(folder: String) throws(StoreError) {
        self.folder = folder
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(file: folder, reason: "cannot create the data folder: \(error.localizedDescription)")
        }
    }

    public var location: String { file }

    private struct Document: Codable {
        let format: Int
        let images: [ImageRecipe]
    }

    public func loadImages() throws(StoreError) -> [ImageRecipe] {
        guard FileManager.default.fileExists(atPath: file) else { return [] }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw .unreadable(file: file, reason: "the file cannot be read")
        }
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: data)
        } catch {
            throw .unreadable(file: file, reason: "it is not a saturn-mock store document (\(error)); it was left as it is")
        }
        guard document.format == Self.formatVersion else {
            throw .unreadable(file: file, reason: "unknown format version \(document.format) (this build reads \(Self.formatVersion))")
        }
        return document.images
    }

    public func commit(changed: [ImageRecipe], state: [RecipeKey: ImageRecipe]) throws(StoreError) {
        let images = state.keys.sorted().compactMap { state[$0] }
        let bytes: Data
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            bytes = try encoder.encode(Document(format: Self.formatVersion, images: images))
        } catch {
            throw .writeFailed(file: file, reason: "cannot encode: \(error)")
        }
        let temporary = "\(file).tmp-\(getpid())"
        try DurableFile.write(bytes, to: temporary)
        guard rename(temporary, file) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .writeFailed(file: file, reason: reason)
        }
        try DurableFile.syncFolder(folder)
    }
}

/// Writes that reach the disk before they return.
enum DurableFile {
    /// Creates or truncates `path`, writes all of `bytes` and fsyncs the file.
    static func write(_ bytes: Data, to path: String) throws(StoreError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        let written: Bool = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        guard written, fsync(descriptor) == 0 else {
            let error = failure(path)
            unlink(path)
            throw error
        }
    }

    /// Fsyncs a folder so that a rename inside it is durable.
    static func syncFolder(_ path: String) throws(StoreError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure(path) }
    }

    private static func failure(_ path: String) -> StoreError {
        .writeFailed(file: path, reason: String(cString: strerror(errno)))
    }
}
