/// Object storage's commands (README "Object storage"): uploads started, parts received, completed or cancelled,
/// files deleted. The bytes are written to the store's blobs before the command takes its turn, so that no writer
/// waits on them; the journal records only which blobs a file or an upload holds.
extension Tenant {
    /// `POST /api/object_storage/upload`: an upload of a file (`size` known, or not for a file written as a stream)
    /// or a copy of a file the caller may read, with the parts to presign first (every part, when the size is known).
    public func startUpload(_ draft: ObjectUploadDraft, caller: User) throws(DomainError) -> Committed<StartedUpload> {
        var issues = ValidationIssues()
        ObjectPath.check(draft.path, at: "file_path", issues: &issues)
        if let size = draft.size, size < 0 { issues.add("size", "must be 0 or more, not \(size)") }
        if let partSize = draft.partSize, !(ObjectLimits.minPartBytes...ObjectLimits.maxPartBytes).contains(partSize) {
            issues.add("part_size", "must be \(ObjectLimits.minPartBytes) to \(ObjectLimits.maxPartBytes) bytes (5 to 64 MiB), not \(partSize)")
        }
        if let source = draft.copySource { ObjectPath.check(source.path, at: "copy_source.file_path", issues: &issues) }
        try issues.throwIfAny()
        return try run { view throws(DomainError) in
            let owner = try view.objectOwner(draft.owner, caller: caller, at: "owner_name", writing: true)
            var size = draft.size
            var copySource: ObjectCopySource?
            if let source = draft.copySource {
                let sourceOwner = try view.objectOwner(source.owner, caller: caller, at: "copy_source.owner_name", writing: false)
                let file = try view.objectFile(owner: sourceOwner, path: source.path)
                if let size, size != file.blob.size {
                    throw .invalid(at: "size", "is \(size), but the file it copies holds \(file.blob.size) bytes; leave it out for a copy")
                }
                size = file.blob.size
                copySource = ObjectCopySource(owner: sourceOwner, path: source.path, blob: file.blob)
            }
            let partSize = draft.partSize ?? max(ObjectLimits.minPartBytes, ((size ?? 0) + ObjectLimits.maxParts - 1) / ObjectLimits.maxParts)
            if let size, (size + partSize - 1) / partSize > ObjectLimits.maxParts {
                throw .invalid(at: "part_size", "\(size) bytes in parts of \(partSize) take more than \(ObjectLimits.maxParts) parts; give a larger part_size")
            }
            let live = view.objectUploads.filter { $0.expiresAt > view.now }
            guard live.count < ObjectLimits.maxUploads else { throw .objectStorageCount(what: "uploads in progress", limit: ObjectLimits.maxUploads) }
            try view.checkRoom(for: size ?? 0)
            let taken = Set(view.objectUploads.map(\.id))
            let id = (1...).lazy.map { self.ids.objectUploadID(owner: owner, path: draft.path, attempt: $0) }.first { !taken.contains($0) } ?? ""
            let upload = ObjectUpload(
                id: id, owner: owner, path: draft.path, size: size, partSize: partSize, createdAt: view.now.wholeSeconds,
                expiresAt: view.now.wholeSeconds.addingTimeInterval(Double(ObjectLimits.uploadSeconds)), copySource: copySource
            )
            let expired = view.objectUploads.filter { $0.expiresAt <= view.now }.map { EntityKey(.objectUpload, $0.id) }
            let slots = upload.partCount.map { count in (1...count).map { PartSlot(number: $0, size: upload.size(ofPart: $0)) } } ?? []
            return (.entities(put: [.objectUpload(upload)], removing: expired), StartedUpload(upload: upload, slots: slots))
        }
    }

    /// `GET /api/object_storage/upload/{id}`: parts `first` to `last` presigned anew (an expired URL, or the next
    /// parts of a file written as a stream, whose last part may be `lastSize` bytes).
    public func resumeUpload(id: String, first: Int, last: Int?, lastSize: Int?, caller: User) throws(DomainError) -> StartedUpload {
        let view = view()
        let upload = try view.objectUpload(id: id, caller: caller)
        let end = last ?? upload.partCount ?? first
        if let count = upload.partCount, end > count || first > count {
            throw .invalid(at: first > count ? "first_part" : "last_part", "the upload has \(count) parts")
        }
        guard first <= end else { throw .invalid(at: "last_part", "must not be before first_part (\(first))") }
        if let lastSize, upload.size != nil || lastSize > upload.partSize {
            throw .invalid(at: "last_part_size", upload.size != nil
                ? "is only for an upload started without a size; this one's parts are sized already"
                : "must be at most the part size, \(upload.partSize)")
        }
        let slots = (first...end).map { number in
            PartSlot(number: number, size: number == end ? lastSize ?? upload.size(ofPart: number) : upload.size(ofPart: number))
        }
        if upload.size == nil { try view.checkRoom(for: slots.reduce(0) { $0 + $1.size }) }
        return StartedUpload(upload: upload, slots: slots)
    }

    /// A part put to its presigned URL, which was made for `size` bytes: `bytes` become a blob (a copy's part takes
    /// its bytes from the file it copies, and no body), recorded in the upload; a part put again replaces the first.
    public func receivePart(uploadID: String, number: Int, size: Int, bytes: [UInt8]) throws(DomainError) -> Committed<Blob> {
        let upload = try view().objectUpload(id: uploadID, caller: nil)
        let blobs = queue.store.blobs
        let blob: Blob
        if let source = upload.copySource {
            guard bytes.isEmpty else { throw .invalid(at: "(body)", "a part of a copy takes its bytes from \(source.owner)/\(source.path); send no body") }
            blob = source.blob
        } else {
            guard bytes.count == size else { throw .partSize(expected: size, received: bytes.count) }
            do throws(StoreError) { blob = try blobs.put(bytes) } catch { throw .storeUnavailable(reason: error.description) }
        }
        defer { if upload.copySource == nil { blobs.unpin(blob) } }
        return try run { view throws(DomainError) in
            var current = try view.objectUpload(id: uploadID, caller: nil)
            if current.size == nil { try view.checkRoom(for: blob.size - (current.parts[number]?.size ?? 0)) }
            current.parts[number] = blob
            return (.entities(put: [.objectUpload(current)], removing: []), blob)
        }
    }

    /// `POST /api/object_storage/upload/{id}`: the parts named (each by the ETag its upload answered) become the
    /// file, in one blob, replacing a file of that path.
    public func completeUpload(id: String, parts: [(number: Int, etag: String)], caller: User) throws(DomainError) -> Committed<ObjectFile> {
        let upload = try view().objectUpload(id: id, caller: caller)
        let ordered = try Self.checkedParts(parts, of: upload)
        let blobs = queue.store.blobs
        let joined = upload.copySource == nil && ordered.count > 1
        let blob: Blob
        if let source = upload.copySource {
            blob = source.blob
        } else if joined {
            do throws(StoreError) { blob = try blobs.concatenate(ordered) } catch { throw .storeUnavailable(reason: error.description) }
        } else {
            blob = ordered[0]
        }
        defer { if joined { blobs.unpin(blob) } }
        return try run { view throws(DomainError) in
            guard try view.objectUpload(id: id, caller: caller) == upload else { throw .uploadChanged(id: id) }
            let existing = try? view.objectFile(owner: upload.owner, path: upload.path)
            if existing == nil, view.objectFiles.count >= ObjectLimits.maxFiles {
                throw .objectStorageCount(what: "files", limit: ObjectLimits.maxFiles)
            }
            let now = view.now.wholeSeconds
            let file = ObjectFile(owner: upload.owner, path: upload.path, blob: blob, createdAt: existing?.createdAt ?? now, updatedAt: now)
            return (.entities(put: [.objectFile(file)], removing: [EntityKey(.objectUpload, id)]), file)
        }
    }

    /// `DELETE /api/object_storage/upload/{id}`: the upload and its parts are gone.
    public func cancelUpload(id: String, caller: User) throws(DomainError) -> Committed<ObjectUpload> {
        try run { view throws(DomainError) in
            let upload = try view.objectUpload(id: id, caller: caller)
            return (.entities(put: [], removing: [EntityKey(.objectUpload, id)]), upload)
        }
    }

    /// `DELETE /api/object_storage/delete` and `/bulk_delete`: the files of `paths` that exist are deleted; the
    /// result names those that did not (or, `missingIsError`, a 404 does).
    public func deleteObjects(_ reference: OwnerReference?, paths: [String], caller: User, missingIsError: Bool) throws(DomainError) -> Committed<[String]> {
        try run { view throws(DomainError) in
            let owner = try view.objectOwner(reference, caller: caller, at: "owner_name", writing: true)
            let found = paths.filter { view.state.entities[EntityKey(.objectFile, ObjectFile.id(owner: owner, path: $0))] != nil }
            let missing = paths.filter { !found.contains($0) }
            if missingIsError, !missing.isEmpty { throw .objectNotFound(owner: owner.description, path: missing.joined(separator: "', '")) }
            let write = found.isEmpty ? nil : TenantWrite.entities(put: [], removing: found.map { EntityKey(.objectFile, ObjectFile.id(owner: owner, path: $0)) })
            return (write, missing)
        }
    }

    /// The blobs of the parts a completion names, in order: parts 1 to n, each with the ETag its upload answered,
    /// every one but the last of the part size, and all of them the file's size when it was given.
    private static func checkedParts(_ parts: [(number: Int, etag: String)], of upload: ObjectUpload) throws(DomainError) -> [Blob] {
        var issues = ValidationIssues()
        if parts.isEmpty { issues.add("parts", "names no part; give each part's part_number and the etag its upload answered") }
        var blobs: [Blob] = []
        for (index, part) in parts.enumerated() {
            guard part.number == index + 1 else {
                issues.add("parts[\(index)].part_number", "is \(part.number), but parts must be 1, 2, 3, … in order, and this is number \(index + 1)")
                continue
            }
            guard let blob = upload.parts[part.number] else {
                issues.add("parts[\(index)]", "part \(part.number) was never uploaded")
                continue
            }
            if unquoted(part.etag) != unquoted(blob.etag) {
                issues.add("parts[\(index)].etag", "is not the ETag the upload of part \(part.number) answered")
            }
            if upload.copySource == nil, index < parts.count - 1, blob.size != upload.partSize {
                issues.add("parts[\(index)]", "holds \(blob.size) bytes; every part but the last must hold the part size, \(upload.partSize)")
            }
            blobs.append(blob)
        }
        if issues.isEmpty, let count = upload.partCount, parts.count != count {
            issues.add("parts", "names \(parts.count) parts; the upload of \(upload.size ?? 0) bytes has \(count)")
        }
        if issues.isEmpty, upload.copySource == nil, let size = upload.size, blobs.reduce(0, { $0 + $1.size }) != size {
            issues.add("parts", "hold \(blobs.reduce(0) { $0 + $1.size }) bytes; the upload was started for \(size)")
        }
        try issues.throwIfAny()
        return blobs
    }

    /// An ETag without the double quotes it is sent in.
    private static func unquoted(_ etag: String) -> Substring {
        var text = Substring(etag)
        while text.first == "\"" { text.removeFirst() }
        while text.last == "\"" { text.removeLast() }
        return text
    }
}
