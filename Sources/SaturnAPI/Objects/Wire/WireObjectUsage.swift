import SaturnDomain
import SaturnJSON

/// `ObjectStorageUsageStats`: what the tenant's storage holds against `--max-object-bytes` and its counts.
struct WireObjectUsage: JSONWritable {
    let usage: ObjectUsage

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("used_bytes")
            json.integer(usage.usedBytes)
            json.key("reserved_bytes")
            json.integer(usage.reservedBytes)
            json.key("file_count")
            json.integer(usage.fileCount)
            json.key("active_uploads")
            json.integer(usage.activeUploads)
            json.key("max_bytes")
            json.integer(usage.maxBytes)
            json.key("max_files")
            json.integer(ObjectLimits.maxFiles)
            json.key("max_uploads")
            json.integer(ObjectLimits.maxUploads)
        }
    }
}
