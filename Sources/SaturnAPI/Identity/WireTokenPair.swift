import FoundationEssentials
import SaturnDomain
import SaturnJSON

/// `AuthorizationTokenResponse`: the new pair and when the access token expires.
struct WireTokenPair: JSONWritable {
    let minted: MintedToken
    let now: Date

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("access_token")
            json.string(minted.token)
            json.key("refresh_token")
            json.string(minted.refreshToken)
            json.key("token_type")
            json.string("Bearer")
            json.key("expires_at")
            json.string(minted.expiresAt.map(UTCTimestamp.format))
            json.key("expires_in")
            if let expiresAt = minted.expiresAt { json.integer(Int(expiresAt.timeIntervalSince(now))) } else { json.null() }
            json.key("refresh_expires_at")
            json.null()
            json.key("refresh_expires_in")
            json.null()
        }
    }
}
