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
