import SaturnDomain
import SaturnJSON

/// One committed transaction in the journal (format 3), the tenant first (left out for the default tenant):
///
///     {"tenant": "t1", "recipes": [...], "removed": [{"type", "owner", "name"}]}   recipes written whole, or removed
///     {"tenant": "t1", "create": {"tokens": [...]}, "recipes": [...], "minted": [...]}
///     {"tenant": "t1", "delete": true}
///     {"tenant": "t1", "replace": true, "recipes": [...], "minted": [...]}  a reset, a restore, an import
///     {"tenant": "t1", "mint": {...}, "replaces": "<token>"}  "replaces" when a refresh replaced its earlier token
///     {"tenant": "t1", "entities": [...], "removed_entities": [{"family", "id"}]}   entities written whole, or removed
///
/// Content (a create's, a replace's) holds `"entities"` too when it has any.
///
/// Formats 1 and 2 wrote `{"images": [...]}` and `{"recipes": [...]}`: the default tenant's recipes, read the same way.
struct JournalRecord {
    let transaction: StoreTransaction

    func encoded() -> [UInt8] {
        var output = JSONOutput(capacity: 512)
        output.object { json in
            if transaction.tenant != TenantRegistry.defaultTenant {
                json.key("tenant")
                json.string(transaction.tenant)
            }
            switch transaction.change {
            case let .put(recipes, removed):
                json.key("recipes")
                json.array(recipes) { json, recipe in recipe.writeStored(to: &json) }
                if !removed.isEmpty {
                    json.key("removed")
                    json.array(removed) { json, key in
                        json.object { json in
                            json.key("type")
                            json.string(key.type.rawValue)
                            json.key("owner")
                            json.string(key.owner.description)
                            json.key("name")
                            json.string(key.name)
                        }
                    }
                }
            case let .create(record, content):
                json.key("create")
                record.writeStored(to: &json)
                content.writeStoredMembers(to: &json)
            case .delete:
                json.key("delete")
                json.bool(true)
            case let .replace(content):
                json.key("replace")
                json.bool(true)
                content.writeStoredMembers(to: &json)
            case let .entities(put, removing):
                json.key("entities")
                json.array(put) { json, entity in entity.writeStored(to: &json) }
                json.key("removed_entities")
                json.array(removing) { json, key in key.writeStored(to: &json) }
            case let .mint(token, replacing):
                json.key("mint")
                token.writeStored(to: &json)
                if let replacing {
                    json.key("replaces")
                    json.string(replacing)
                }
            }
        }
        return output.bytes
    }

    /// Reads a record's JSON; the error says what is wrong and where.
    init(decoding json: ArraySlice<UInt8>) throws(JSONSyntaxError) {
        var parser = JSONParser(bytes: Array(json))
        var tenant = TenantRegistry.defaultTenant
        var content = TenantContent()
        var create: TenantRecord?
        var delete = false
        var replace = false
        var mint: MintedToken?
        var replaces: String?
        var removed: [RecipeKey] = []
        var removedEntities: [EntityKey]?
        var putsRecipes = false
        try parser.readObject { parser, key throws(JSONSyntaxError) in
            switch key {
            case "tenant": tenant = try parser.readString()
            case "recipes", "images":
                putsRecipes = true
                try parser.readArray { parser throws(JSONSyntaxError) in content.recipes.append(try Recipe.readStored(from: &parser).recipe) }
            case "minted":
                try parser.readArray { parser throws(JSONSyntaxError) in content.minted.append(try MintedToken.readStored(from: &parser)) }
            case "create": create = try TenantRecord.readStored(named: "", from: &parser)
            case "delete": delete = try parser.readBool()
            case "replace": replace = try parser.readBool()
            case "mint": mint = try MintedToken.readStored(from: &parser)
            case "replaces": replaces = try parser.readString()
            case "entities":
                try parser.readArray { parser throws(JSONSyntaxError) in content.entities.append(try Entity.readStored(from: &parser)) }
            case "removed_entities":
                var keys: [EntityKey] = []
                try parser.readArray { parser throws(JSONSyntaxError) in keys.append(try EntityKey.readStored(from: &parser)) }
                removedEntities = keys
            case "removed":
                try parser.readArray { parser throws(JSONSyntaxError) in removed.append(try RecipeKey.readStored(from: &parser)) }
            default: try parser.skipValue()
            }
        }
        try parser.finish()
        let change: TenantChange
        if let create {
            change = .create(TenantRecord(name: tenant, tokens: create.tokens), content: content)
        } else if delete {
            change = .delete
        } else if replace {
            change = .replace(content)
        } else if let mint {
            change = .mint(mint, replacing: replaces)
        } else if !putsRecipes, let removedEntities {
            change = .entities(put: content.entities, removing: removedEntities)
        } else {
            change = .put(content.recipes, removing: removed)
        }
        transaction = StoreTransaction(tenant: tenant, change: change)
    }

    init(_ transaction: StoreTransaction) {
        self.transaction = transaction
    }
}
