import SaturnDomain
import SaturnJSON

/// Saturn's `SharedFolder`; `editable` when the caller may change it.
struct WireSharedFolder: JSONWritable {
    let folder: SharedFolder
    let directory: IdentityDirectory
    let caller: User

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("id")
            json.string(folder.id)
            json.key("name")
            json.string(folder.name)
            json.key("owner")
            WireOwner(owner: folder.owner, directory: directory).write(to: &json)
            json.key("created_at")
            json.string(SaturnTime.format(folder.createdAt))
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
