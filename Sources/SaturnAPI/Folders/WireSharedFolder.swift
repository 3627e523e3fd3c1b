import SaturnDomain
import SaturnJSON

/// Saturn's `SharedFolder`; `editable` when the caller may change it.
struct WireSharedFolder: JSONWritable {
    let folder: SharedFolder
    let directory: IdentityDirectory
    let caller: User

    func write(to output: inout JSONOutput) {
        output.object { json in
            folder.writeWireIdentity(directory: directory, to: &json)
            json.key("access")
            json.string(folder.access.rawValue)
            json.key("access_mode")
            json.string(folder.accessMode.rawValue)
            json.key("is_external")
            json.bool(folder.isExternal)
            json.key("editable")
            json.bool(Permission.mayChange(folder.owner, caller: caller))
        }
    }
}
