import SaturnJSON

/// `ObjectStoragePresignedUpload`: the upload's id and a presigned URL for each part to put.
struct WirePresignedUpload: JSONWritable {
    let uploadID: String
    let isCopy: Bool
    let parts: [(number: Int, size: Int, url: String)]

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("object_storage_upload_id")
            json.string(uploadID)
            json.key("is_copy")
            json.bool(isCopy)
            json.key("parts")
            json.array(parts) { json, part in
                json.object { json in
                    json.key("url")
                    json.string(part.url)
                    json.key("part_number")
                    json.integer(part.number)
                    json.key("size")
                    json.integer(part.size)
                    json.key("headers")
                    json.object { _ in }
                }
            }
        }
    }
}
