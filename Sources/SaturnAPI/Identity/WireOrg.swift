import SaturnDomain
import SaturnJSON

/// `Org`, with `is_primary` set on the caller's default org. Nullable fields the spec requires are present as null.
struct WireOrg: JSONWritable {
    let org: Org
    let isDefault: Bool

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("id")
            json.string(org.id)
            json.key("created_at")
            json.string(org.createdAt)
            json.key("avatar_url")
            json.string("")
            json.key("name")
            json.string(org.name)
            json.key("email")
            json.string(org.email)
            json.key("description")
            json.string(org.description)
            json.key("website_url")
            json.string(org.websiteURL)
            json.key("logo_image_url")
            json.string(org.logoImageURL)
            json.key("limits_id")
            json.string(org.limitsID)
            json.key("is_primary")
            json.bool(isDefault)
            json.key("locked")
            json.bool(org.locked)
            json.key("locked_reason")
            json.string("")
        }
    }
}
