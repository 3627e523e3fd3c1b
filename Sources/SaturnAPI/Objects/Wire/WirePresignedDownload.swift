import SaturnDomain
import SaturnJSON

/// `ObjectStoragePresignedDownload`: a file and the presigned URL to get it from.
struct WirePresignedDownload: JSONWritable {
    let file: ObjectFile
    let url: String

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("file_path")
            json.string(file.path)
            json.key("size")
            json.integer(file.blob.size)
            json.key("updated_at")
            json.string(SaturnTime.format(file.updatedAt))
            json.key("url")
            json.string(url)
        }
    }
}
