import CArchive

/// Reads one layer's archive from start to end and keeps what the scope needs: whiteouts and opaque directories
/// always, symbolic links always (paths are followed through them), other entries as `ScanScope` decides, and the
/// content of the files it reads.
enum LayerScanner {
    static let whiteoutPrefix = ".wh."
    static let opaqueMarker = ".wh..wh..opq"

    /// The summary of the layer `reader` reads.
    static func scan(_ reader: ArchiveReader, scope: ScanScope) throws(InspectionError) -> LayerSummary {
        var summary = LayerSummary()
        while let header = try reader.next() {
            summary.entryCount += 1
            let path = ImagePath.normalize(header.path)
            guard !path.isEmpty else { continue }
            let name = ImagePath.name(of: path)
            if name == opaqueMarker {
                summary.opaqueDirectories.append(ImagePath.parent(of: path))
                continue
            }
            if name.hasPrefix(whiteoutPrefix) {
                summary.whiteouts.append(ImagePath.join(ImagePath.parent(of: path), String(name.dropFirst(whiteoutPrefix.count))))
                continue
            }
            let isLink = header.fileType == SATURN_AE_IFLNK
            let decision = isLink ? .keep : scope.decide(path, name: name)
            if case .skip = decision { continue }
            let kind: FileEntry.Kind = switch header.fileType {
            case SATURN_AE_IFLNK: .symlink(header.symlink ?? "")
            case SATURN_AE_IFDIR: .directory
            case SATURN_AE_IFREG: .file
            default: header.hardLink == nil ? .other : .file
            }
            var entry = FileEntry(kind: kind, uid: header.uid, permissions: header.permissions)
            if let target = header.hardLink {
                summary.hardLinks.append((path, ImagePath.normalize(target), entry))
                continue
            }
            if case .read = decision, kind == .file { entry.content = try reader.data(limit: ScanScope.contentLimit) }
            summary.entries.append((path, entry))
        }
        return summary
    }
}
