import SaturnDomain
import SaturnJSON

/// A minted token's user, membership and expiry; with its secrets, except in a state document.
struct WireMintedToken: JSONWritable {
    let minted: MintedToken
    var withSecrets = true

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("username")
            json.string(minted.username)
            json.key("org")
            json.string(minted.org)
            json.key("role")
            json.string(minted.role.rawValue)
            if withSecrets {
                json.key("token")
                json.string(minted.token)
                json.key("refresh_token")
                json.string(minted.refreshToken)
            }
            json.key("expires_at")
            json.string(minted.expiresAt.map(UTCTimestamp.format))
        }
    }
}
