import SaturnDomain
import SaturnJSON

/// Saturn's `ImageTag`: a version of an image, with the image it belongs to. Every tag of the mock is an external
/// image that is ready to pull.
struct WireImageTag: JSONWritable {
    let image: WireImage
    let version: ImageVersion

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("id")
            json.string(version.id)
            json.key("created_at")
            json.string(SaturnTime.format(version.createdAt))
            json.key("image")
            image.write(to: &json)
            json.key("image_uri")
            json.string(version.imageURI)
            json.key("description")
            json.string(version.description ?? "")
            json.key("version")
            json.string(version.name)
            json.key("archived")
            json.bool(version.archived)
            json.key("is_external")
            json.bool(true)
            json.key("status")
            json.string("built")
        }
    }
}
