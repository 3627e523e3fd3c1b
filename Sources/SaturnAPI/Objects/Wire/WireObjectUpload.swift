import SaturnDomain
import SaturnJSON

/// `ObjectStorageUpload`: an upload in progress, as `GET /api/object_storage/upload` lists it.
struct WireObjectUpload: JSONWritable {
    let upload: ObjectUpload

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("id")
            json.string(upload.id)
            json.key("file_path")
            json.string(upload.path)
            json.key("size")
            if let size = upload.size { json.integer(size) } else { json.null() }
            json.key("part_size")
            json.integer(upload.partSize)
            json.key("expires_at")
            json.string(SaturnTime.format(upload.expiresAt))
            json.key("copy_source")
            if let source = upload.copySource {
                json.object { json in
                    json.key("file_path")
                    json.string(source.path)
                    json.key("owner_name")
                    json.string(source.owner.description)
                }
            } else {
                json.null()
            }
        }
    }
}
