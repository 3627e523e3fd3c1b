import SaturnDomain
import SaturnJSON

extension RecipeKey {
    /// Reads `{"type", "owner", "name"}`.
    static func readStored(from parser: inout JSONParser) throws(JSONSyntaxError) -> RecipeKey {
        var fields: [String: String] = [:]
        try parser.readObject { parser, key throws(JSONSyntaxError) in fields[key] = try parser.readString() }
        guard let type = fields["type"].flatMap(RecipeType.init(rawValue:)), let owner = fields["owner"].flatMap(OwnerPath.parts(of:)),
              let org = owner.org, let identity = owner.identity, let name = fields["name"] else {
            throw parser.failure("a removed recipe lacks one of type, owner (org/identity), name")
        }
        return RecipeKey(type: type, owner: OwnerPath(org: org, identity: identity), name: name)
    }
}
