import FoundationEssentials
import SaturnDomain
import SaturnJSON

extension MintedToken {
    func writeStored(to output: inout JSONOutput) {
        output.object { json in
            json.key("username")
            json.string(username)
            json.key("org")
            json.string(org)
            json.key("role")
            json.string(role.rawValue)
            json.key("token")
            json.string(token)
            json.key("refresh_token")
            json.string(refreshToken)
            if let expiresAt {
                json.key("expires_at")
                json.string(UTCTimestamp.format(expiresAt))
            }
        }
    }

    static func readStored(from parser: inout JSONParser) throws(JSONSyntaxError) -> MintedToken {
        var fields: [String: String] = [:]
        var expiresAt: Date?
        try parser.readObject { parser, key throws(JSONSyntaxError) in
            if key == "expires_at" { expiresAt = try StoredTime.read(&parser) } else { fields[key] = try parser.readString() }
        }
        guard let username = fields["username"], let org = fields["org"], let role = fields["role"].flatMap(OrgRole.init(rawValue:)),
              let token = fields["token"], let refresh = fields["refresh_token"] else {
            throw parser.failure("a stored minted token lacks one of username, org, role, token, refresh_token")
        }
        return MintedToken(username: username, org: org, role: role, token: token, refreshToken: refresh, expiresAt: expiresAt)
    }
}
