import CArchive
import Glibc

/// A libarchive reader: a tar in any dialect, compressed with gzip, zstd or nothing (detected from its bytes), read
/// entry by entry from an open file or from the current entry of an outer archive. Entry data not asked for is
/// skipped as the next header is read, so nothing is held beyond libarchive's own buffers.
final class ArchiveReader {
    /// One entry's header.
    struct Header {
        var path: String
        var hardLink: String?
        var symlink: String?
        var fileType: UInt32
        var uid: Int
        var permissions: UInt32
        /// The size of its data.
        var size: Int
    }

    private let archive: OpaquePointer
    /// Where the bytes of a nested archive come from; kept alive while the archive reads it.
    private var nested: NestedSource?
    private let what: String

    /// Reads the archive in the open file `descriptor` (which the caller closes); `what` names it in errors.
    init(fileDescriptor descriptor: Int32, what: String) throws(InspectionError) {
        archive = Self.makeArchive()
        self.what = what
        guard archive_read_open_fd(archive, descriptor, 128 * 1024) == ARCHIVE_OK else { throw failure("cannot open") }
    }

    /// Reads the archive held in the current entry of `outer`.
    init(entryOf outer: ArchiveReader, what: String) throws(InspectionError) {
        archive = Self.makeArchive()
        self.what = what
        let source = NestedSource(outer: outer.archive)
        nested = source
        let status = archive_read_open(archive, Unmanaged.passUnretained(source).toOpaque(), nil, { _, context, buffer in
            guard let context, let buffer else { return -1 }
            return Unmanaged<NestedSource>.fromOpaque(context).takeUnretainedValue().read(buffer)
        }, nil)
        guard status == ARCHIVE_OK else { throw failure("cannot open") }
    }

    deinit {
        archive_read_free(archive)
    }

    private static func makeArchive() -> OpaquePointer {
        guard let archive = archive_read_new() else { fatalError("libarchive could not allocate a reader") }
        archive_read_support_filter_all(archive)
        archive_read_support_format_tar(archive)
        return archive
    }

    /// The next entry's header; nil at the end.
    func next() throws(InspectionError) -> Header? {
        var entry: OpaquePointer?
        let status = archive_read_next_header(archive, &entry)
        if status == ARCHIVE_EOF { return nil }
        guard status >= ARCHIVE_WARN, let entry else { throw failure("cannot read an entry of") }
        let path = archive_entry_pathname(entry).map { String(cString: $0) } ?? ""
        return Header(
            path: path,
            hardLink: archive_entry_hardlink(entry).map { String(cString: $0) },
            symlink: archive_entry_symlink(entry).map { String(cString: $0) },
            fileType: UInt32(archive_entry_filetype(entry)),
            uid: Int(archive_entry_uid(entry)),
            permissions: UInt32(archive_entry_perm(entry)),
            size: Int(archive_entry_size(entry))
        )
    }

    /// The current entry's data, at most `limit` bytes of it.
    func data(limit: Int) throws(InspectionError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count < limit {
            let count = chunk.withUnsafeMutableBytes { archive_read_data(archive, $0.baseAddress, $0.count) }
            guard count >= 0 else { throw failure("cannot read data of") }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<min(count, limit - bytes.count)])
        }
        return bytes
    }

    private func failure(_ doing: String) -> InspectionError {
        let reason = archive_error_string(archive).map { String(cString: $0) } ?? "not an archive"
        return .unreadable("\(doing) \(what): \(reason)")
    }
}

/// The bytes of an outer archive's current entry, handed to a nested reader block by block.
private final class NestedSource {
    private static let blockSize = 128 * 1024
    let outer: OpaquePointer
    private let block = UnsafeMutableRawPointer.allocate(byteCount: NestedSource.blockSize, alignment: 16)

    init(outer: OpaquePointer) {
        self.outer = outer
    }

    deinit {
        block.deallocate()
    }

    /// Fills the block from the outer entry and points libarchive at it; the count, 0 at the end, -1 on an error.
    func read(_ pointer: UnsafeMutablePointer<UnsafeRawPointer?>) -> Int {
        pointer.pointee = UnsafeRawPointer(block)
        return archive_read_data(outer, block, Self.blockSize)
    }
}
