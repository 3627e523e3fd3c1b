import FoundationEssentials
import SaturnDomain
import SaturnJSON

/// How tenants' records, minted tokens and content are written in the journal, the snapshot and named snapshots.
extension TenantRecord {
    func writeStored(to output: inout JSONOutput) {
        output.object { json in
            json.key("tokens")
            json.array(tokens) { json, pair in pair.writeStored(to: &json) }
        }
    }

    static func readStored(named name: String, from parser: inout JSONParser) throws(JSONSyntaxError) -> TenantRecord {
        var tokens: [UserTokens] = []
        try parser.readObject { parser, key throws(JSONSyntaxError) in
            guard key == "tokens" else { return try parser.skipValue() }
            try parser.readArray { parser throws(JSONSyntaxError) in tokens.append(try UserTokens.readStored(from: &parser)) }
        }
        return TenantRecord(name: name, tokens: tokens)
    }
}

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

extension TenantContent {
    /// Writes `"recipes": [...], "minted": [...]` into an object the caller opened.
    func writeStoredMembers(to json: inout JSONOutput) {
        json.key("recipes")
        json.array(recipes) { json, recipe in recipe.writeStored(to: &json) }
        json.key("minted")
        json.array(minted) { json, token in token.writeStored(to: &json) }
    }
}

/// A named snapshot's file: `{"format": 3, "recipes": [...], "minted": [...]}`.
enum NamedSnapshotFile {
    static func encode(_ content: TenantContent) -> [UInt8] {
        var output = JSONOutput(capacity: 512 * (content.recipes.count + 1))
        output.object { json in
            json.key("format")
            json.integer(SnapshotFile.formatVersion)
            content.writeStoredMembers(to: &json)
        }
        return output.bytes + [0x0A]
    }

    static func decode(_ bytes: [UInt8]) throws(JSONSyntaxError) -> TenantContent {
        var parser = JSONParser(bytes: bytes)
        var content = TenantContent()
        try parser.readObject { parser, key throws(JSONSyntaxError) in
            switch key {
            case "recipes":
                try parser.readArray { parser throws(JSONSyntaxError) in content.recipes.append(try Recipe.readStored(from: &parser).recipe) }
            case "minted":
                try parser.readArray { parser throws(JSONSyntaxError) in content.minted.append(try MintedToken.readStored(from: &parser)) }
            default:
                try parser.skipValue()
            }
        }
        try parser.finish()
        return content
    }
}
