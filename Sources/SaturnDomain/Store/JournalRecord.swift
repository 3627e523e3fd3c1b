/// One committed transaction in the journal: the recipes it wrote, whole, as `{"images": [...]}`.
struct JournalRecord {
    let images: [ImageRecipe]

    func encoded() -> [UInt8] {
        var output = JSONOutput(capacity: 512 * images.count)
        output.object { json in
            json.key("images")
            json.array(images) { json, image in image.writeStored(to: &json) }
        }
        return output.bytes
    }

    /// Reads a record's JSON; the error says what is wrong and where.
    init(decoding json: ArraySlice<UInt8>) throws(JSONSyntaxError) {
        var parser = JSONParser(bytes: Array(json))
        var images: [ImageRecipe] = []
        try parser.readObject { parser, key throws(JSONSyntaxError) in
            guard key == "images" else { return try parser.skipValue() }
            try parser.readArray { parser throws(JSONSyntaxError) in images.append(try ImageRecipe(storedFrom: &parser)) }
        }
        try parser.finish()
        self.images = images
    }

    init(images: [ImageRecipe]) {
        self.images = images
    }
}
