import FoundationEssentials
import SaturnDomain
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The blobs of object storage in a data folder: `objects/<sha256>`, content addressed, each written whole (a
/// temporary file in `objects/tmp/`, fsync, rename, fsync of the folder) before the commit that names it. Files
/// with the same bytes share one blob. The folder is made with the first blob.
final class BlobFolder: BlobStore {
    private let folder: String
    private let temporary: String
    private let pins = Mutex<[String: Int]>([:])
    /// How much of a blob is read at once while blobs are joined.
    private static let chunkBytes = 1 << 20

    /// The blobs under `folder`; temporary files a crash left there are removed.
    init(folder: String) {
        self.folder = folder
        temporary = folder + "/tmp"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? [] {
            unlink(temporary + "/" + name)
        }
    }

    private func path(of blob: String) -> String { folder + "/" + blob }

    func put(_ bytes: [UInt8]) throws(StoreError) -> Blob {
        var hasher = SHA256Hasher()
        bytes.withUnsafeBytes { hasher.update($0) }
        let blob = Blob(id: hasher.hex(), size: bytes.count)
        pin(blob.id)
        do throws(StoreError) {
            if size(of: blob.id) == nil {
                try makeFolders()
                try DurableFile.replace(path(of: blob.id), with: bytes, temporary: temporary + "/" + Self.uniqueName(blob.id))
            } else {
                // The same bytes are here already; their rename may not be synced yet if they came a moment ago.
                try DurableFile.syncFolder(of: path(of: blob.id))
            }
        } catch {
            unpin(blob)
            throw error
        }
        return blob
    }

    func concatenate(_ blobs: [Blob]) throws(StoreError) -> Blob {
        try makeFolders()
        let written = temporary + "/" + Self.uniqueName("join")
        let output = open(written, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw DurableFile.failure(written) }
        var hasher = SHA256Hasher()
        var size = 0
        do throws(StoreError) {
            var buffer = [UInt8](repeating: 0, count: Self.chunkBytes)
            for blob in blobs {
                let input = open(path(of: blob.id), O_RDONLY | O_CLOEXEC)
                guard input >= 0 else { throw StoreError.unreadable(file: path(of: blob.id), reason: String(cString: strerror(errno))) }
                defer { close(input) }
                while true {
                    let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                    if count < 0 && errno == EINTR { continue }
                    guard count >= 0 else { throw StoreError.unreadable(file: path(of: blob.id), reason: String(cString: strerror(errno))) }
                    if count == 0 { break }
                    buffer.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
                    try DurableFile.writeAll(buffer[..<count], to: output, path: written)
                    size += count
                }
            }
            guard fsync(output) == 0 else { throw DurableFile.failure(written) }
        } catch {
            close(output)
            unlink(written)
            throw error
        }
        close(output)
        let blob = Blob(id: hasher.hex(), size: size)
        pin(blob.id)
        guard rename(written, path(of: blob.id)) == 0 else {
            let error = DurableFile.failure(path(of: blob.id))
            unlink(written)
            unpin(blob)
            throw error
        }
        do throws(StoreError) { try DurableFile.syncFolder(of: path(of: blob.id)) } catch {
            unpin(blob)
            throw error
        }
        return blob
    }

    func unpin(_ blob: Blob) {
        pins.withLock { pins in
            pins[blob.id, default: 0] -= 1
            if pins[blob.id] ?? 0 <= 0 { pins[blob.id] = nil }
        }
    }

    func content(of blob: String, offset: Int, count: Int) -> BlobContent? {
        guard let size = size(of: blob), offset >= 0, count >= 0, offset + count <= size else { return nil }
        return .file(path: path(of: blob), offset: offset, count: count)
    }

    func size(of blob: String) -> Int? {
        guard Self.isBlobName(blob) else { return nil }
        var status = stat()
        return stat(path(of: blob), &status) == 0 ? Int(status.st_size) : nil
    }

    func sweep(keeping: () -> Set<String>?) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter(Self.isBlobName)
        guard !names.isEmpty, let kept = keeping() else { return }
        pins.withLock { pins in
            for name in names where !kept.contains(name) && pins[name] == nil {
                unlink(path(of: name))
            }
        }
    }

    private func pin(_ blob: String) {
        pins.withLock { $0[blob, default: 0] += 1 }
    }

    private func makeFolders() throws(StoreError) {
        do {
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        } catch {
            throw .writeFailed(file: temporary, reason: "cannot create the folder for object storage (\(error))")
        }
    }

    /// A name for a temporary file that no other write uses at the same time.
    private static func uniqueName(_ stem: String) -> String {
        stem + "-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
    }

    /// A blob's name: 64 lowercase hex digits (its SHA-256), nothing else the folder holds.
    private static func isBlobName(_ name: String) -> Bool {
        name.utf8.count == 64 && name.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
