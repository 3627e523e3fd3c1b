import SaturnJSON

/// Every `*List` answer (`RecipeList`, `OrgList`, and each list endpoint to come): the items under their own key,
/// then `prev_key` and `next_key`. The spec types both keys as non-null strings that are not required, so a key
/// is left out, never `null`, where there is no page in its direction; Saturn's clients read a missing key as the
/// end (README "Lists and pages").
struct WirePage<Item: JSONWritable>: JSONWritable {
    let itemsKey: StaticString
    let items: [Item]
    let prevKey: String?
    let nextKey: String?

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key(itemsKey)
            json.array(items) { json, item in item.write(to: &json) }
            if let prevKey {
                json.key("prev_key")
                json.string(prevKey)
            }
            if let nextKey {
                json.key("next_key")
                json.string(nextKey)
            }
        }
    }
}
