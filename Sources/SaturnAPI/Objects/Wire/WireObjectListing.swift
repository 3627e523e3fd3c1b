import SaturnDomain
import SaturnJSON

/// `ObjectStorageList`: the folders (`ObjectStorageDirDetails`) and files (`ObjectStorageFileDetails`) of a page.
struct WireObjectListing: JSONWritable {
    let listing: ObjectListing

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("dirs")
            json.array(listing.folders) { json, folder in
                json.object { json in
                    json.key("prefix")
                    json.string(folder)
                }
            }
            json.key("files")
            json.array(listing.files) { json, file in
                json.object { json in
                    json.key("file_path")
                    json.string(file.path)
                    json.key("size")
                    json.integer(file.blob.size)
                    json.key("created_at")
                    json.string(SaturnTime.format(file.createdAt))
                    json.key("updated_at")
                    json.string(SaturnTime.format(file.updatedAt))
                }
            }
            json.key("next_last_key")
            json.string(listing.nextLastKey)
        }
    }
}
