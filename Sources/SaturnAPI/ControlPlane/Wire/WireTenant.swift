import SaturnDomain
import SaturnJSON

/// A tenant with its users' tokens: what a test needs to reach it.
struct WireTenant: JSONWritable {
    let summary: WireTenantSummary
    let tokens: [UserTokens]

    func write(to output: inout JSONOutput) {
        output.object { json in
            summary.writeMembers(to: &json)
            json.key("users")
            json.array(tokens) { json, pair in
                json.object { json in
                    json.key("username")
                    json.string(pair.username)
                    json.key("token")
                    json.string(pair.token)
                    json.key("refresh_token")
                    json.string(pair.refreshToken.isEmpty ? nil : pair.refreshToken)
                }
            }
        }
    }
}
