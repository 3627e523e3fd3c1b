import SaturnDomain
import SaturnJSON

extension UserTokens {
    func writeStored(to output: inout JSONOutput) {
        output.object { json in
            json.key("username")
            json.string(username)
            json.key("token")
            json.string(token)
            json.key("refresh_token")
            json.string(refreshToken)
        }
    }

    static func readStored(from parser: inout JSONParser) throws(JSONSyntaxError) -> UserTokens {
        var fields: [String: String] = [:]
        try parser.readObject { parser, key throws(JSONSyntaxError) in fields[key] = try parser.readString() }
        guard let username = fields["username"], let token = fields["token"], let refresh = fields["refresh_token"] else {
            throw parser.failure("a stored token lacks one of username, token, refresh_token")
        }
        return UserTokens(username: username, token: token, refreshToken: refresh)
    }
}
