import SaturnDomain
import SaturnJSON

/// Saturn's `ExternalRepo`: `ssh_privatekey_id` when a secret holds its key. The `ssh_privatekey` the spec also
/// shows is left out: the mock keeps the key as a secret, which has no SSH key's fields.
struct WireExternalRepo: JSONWritable {
    let repo: ExternalRepo
    let directory: IdentityDirectory

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("id")
            json.string(repo.id)
            json.key("name")
            json.string(repo.name)
            json.key("owner")
            WireOwner(owner: repo.owner, directory: directory).write(to: &json)
            json.key("created_at")
            json.string(SaturnTime.format(repo.createdAt))
            json.key("remote_url")
            json.string(repo.remoteURL)
            if let sshKeyID = repo.sshKeyID {
                json.key("ssh_privatekey_id")
                json.string(sshKeyID)
            }
        }
    }
}
