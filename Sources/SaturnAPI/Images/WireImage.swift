import SaturnDomain
import SaturnJSON

/// Saturn's `Image`: an image recipe as the images REST API shows it.
struct WireImage: JSONWritable {
    let image: Recipe
    let spec: ImageSpec
    let directory: IdentityDirectory

    init(_ image: Recipe, directory: IdentityDirectory) {
        self.image = image
        if case let .image(spec) = image.spec {
            self.spec = spec
        } else {
            preconditionFailure("WireImage is made of image recipes only")
        }
        self.directory = directory
    }

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("id")
            json.string(image.id)
            json.key("name")
            json.string(image.name)
            json.key("owner")
            WireOwner(owner: image.owner, directory: directory).write(to: &json)
            json.key("description")
            json.string(spec.description)
            json.key("created_at")
            json.string(SaturnTime.format(image.createdAt))
            json.key("hardware_type")
            json.string(spec.hardwareType.rawValue)
            json.key("supports")
            json.array(spec.supports ?? []) { json, feature in json.string(feature) }
            json.key("access")
            json.string(spec.access.rawValue)
            json.key("is_base")
            json.bool(false)
            json.key("is_gpu")
            json.bool(spec.hardwareType != .cpu)
            json.key("trusted")
            json.bool(false)
        }
    }
}
