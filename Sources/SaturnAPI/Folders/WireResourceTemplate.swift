import SaturnDomain
import SaturnJSON

/// A resource template as saturn-client reads it (Saturn's spec does not publish `/api/resource_templates`).
struct WireResourceTemplate: JSONWritable {
    let template: ResourceTemplate
    let directory: IdentityDirectory

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("id")
            json.string(template.id)
            json.key("name")
            json.string(template.name)
            json.key("description")
            json.string(template.description)
            json.key("owner")
            WireOwner(owner: template.owner, directory: directory).write(to: &json)
            json.key("access")
            json.string(template.access.rawValue)
            json.key("resource_type")
            json.string(template.resourceType)
            json.key("recipe")
            json.value(template.recipe)
            json.key("thumbnail_image_url")
            json.string(template.thumbnailImageURL)
            json.key("weight")
            json.integer(template.weight)
            json.key("in_gallery")
            json.bool(template.inGallery)
            json.key("created_at")
            json.string(SaturnTime.format(template.createdAt))
        }
    }
}
