import SaturnJSON

/// `ObjectStorageBulkDeleteResults`: the paths a bulk delete found no file at.
struct WireFailedPaths: JSONWritable {
    let paths: [String]

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("failed_file_paths")
            json.array(paths) { json, path in json.string(path) }
        }
    }
}
