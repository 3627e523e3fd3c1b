import SaturnDomain
import SaturnJSON

/// `ServerOptions`: the installation's sizes by name, disk sizes and auto-shutoff choices.
struct WireServerOptions: JSONWritable {
    let servers: ServerCatalog

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("auto_shutoff")
            json.array(servers.autoShutoff) { json, choice in json.string(choice) }
            json.key("disk_space")
            json.array(servers.diskSpace) { json, disk in
                json.object { json in
                    json.key("value")
                    json.string(disk.value)
                    json.key("display_str")
                    json.string(disk.display)
                }
            }
            json.key("sizes")
            json.object { json in
                for size in servers.sizes {
                    json.key(size.name)
                    json.object { json in
                        json.key("name")
                        json.string(size.name)
                        json.key("cores")
                        json.integer(size.cores)
                        json.key("memory")
                        json.string(size.memory)
                        json.key("gpu")
                        json.integer(size.gpu)
                        json.key("gpu_type")
                        json.string(size.gpuType)
                        json.key("hardware_type")
                        json.string(size.hardwareType.rawValue)
                        json.key("cloud")
                        json.string(size.cloud)
                        json.key("display")
                        json.string(size.display)
                        json.key("display_name")
                        json.string(size.displayName)
                    }
                }
            }
        }
    }
}
