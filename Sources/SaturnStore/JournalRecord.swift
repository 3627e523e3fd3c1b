import SaturnDomain
import SaturnJSON

/// One committed transaction in the journal: the recipes it wrote, whole, as `{"recipes": [...]}` (format 1 wrote
/// `{"images": [...]}`, read the same way).
struct JournalRecord {
    let recipes: [Recipe]

    func encoded() -> [UInt8] {
        var output = JSONOutput(capacity: 512 * recipes.count)
        output.object { json in
            json.key("recipes")
            json.array(recipes) { json, recipe in recipe.writeStored(to: &json) }
        }
        return output.bytes
    }

    /// Reads a record's JSON; the error says what is wrong and where.
    init(decoding json: ArraySlice<UInt8>) throws(JSONSyntaxError) {
        var parser = JSONParser(bytes: Array(json))
        var recipes: [Recipe] = []
        try parser.readObject { parser, key throws(JSONSyntaxError) in
            guard key == "recipes" || key == "images" else { return try parser.skipValue() }
            try parser.readArray { parser throws(JSONSyntaxError) in recipes.append(try Recipe(storedFrom: &parser)) }
        }
        try parser.finish()
        self.recipes = recipes
    }

    init(recipes: [Recipe]) {
        self.recipes = recipes
    }
}
