import SaturnDomain
import SaturnJSON

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
            case "entities":
                try parser.readArray { parser throws(JSONSyntaxError) in content.entities.append(try Entity.readStored(from: &parser)) }
            default:
                try parser.skipValue()
            }
        }
        try parser.finish()
        return content
    }
}
