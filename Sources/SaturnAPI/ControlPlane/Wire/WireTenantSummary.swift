import SaturnDomain
import SaturnJSON

/// A tenant as `GET /_mock/tenants` lists it: its name, where it is, how many recipes it holds.
struct WireTenantSummary: JSONWritable {
    let name: String
    let baseURL: String
    let recipes: Int

    func write(to output: inout JSONOutput) {
        output.object { json in writeMembers(to: &json) }
    }

    /// The members, into an object the caller opened.
    func writeMembers(to json: inout JSONOutput) {
        json.key("name")
        json.string(name)
        json.key("base_url")
        json.string(baseURL)
        json.key("recipes")
        json.integer(recipes)
    }
}
