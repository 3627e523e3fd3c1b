import SaturnDomain
import SaturnJSON

/// Saturn's `ExternalRepo`: `ssh_privatekey_id` when a secret holds its key. The `ssh_privatekey` the spec also
/// shows is left out: the mock keeps the key as a secret, which has no SSH key's fields.
struct WireExternalRepo: JSONWritable {
    let repo: ExternalRepo
    let directory: IdentityDirectory

    func write(to output: inout JSONOutput) {
        output.object { json in
            repo.writeWireIdentity(directory: directory, to: &json)
            json.key("remote_url")
            json.string(repo.remoteURL)
            if let sshKeyID = repo.sshKeyID {
                json.key("ssh_privatekey_id")
                json.string(sshKeyID)
            }
        }
    }
}
