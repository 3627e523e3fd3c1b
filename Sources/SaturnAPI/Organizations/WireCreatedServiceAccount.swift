import SaturnDomain
import SaturnJSON

/// The answer to `POST /api/service_accounts` as saturn-client reads it: the account under `service_account`.
struct WireCreatedServiceAccount: JSONWritable {
    let account: WireServiceAccount

    init(account: ServiceAccount) {
        self.account = WireServiceAccount(account: account)
    }

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("service_account")
            account.write(to: &json)
        }
    }
}
