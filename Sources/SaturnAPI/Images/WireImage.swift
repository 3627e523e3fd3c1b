import FoundationEssentials
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

/// Saturn's `Owner`: an org and a user of it, or the org itself.
struct WireOwner: JSONWritable {
    let owner: OwnerPath
    let directory: IdentityDirectory

    func write(to output: inout JSONOutput) {
        let org = directory.org(named: owner.org)
        let user = owner.identity == owner.org ? nil : directory.user(named: owner.identity)
        output.object { json in
            json.key("id")
            json.string(user?.id ?? org?.id ?? "")
            json.key("name")
            json.string(owner.description)
            json.key("identity_name")
            json.string(owner.identity)
            json.key("org_name")
            json.string(owner.org)
            json.key("created_at")
            json.string(user?.createdAt ?? org?.createdAt ?? "")
            json.key("org_admin")
            json.bool(user.map { $0.role(in: owner.org) == .admin } ?? true)
            json.key("org_id")
            json.string(org?.id ?? "")
            json.key("user_id")
            json.string(user?.id)
            json.key("group_id")
            json.string(user == nil ? org?.id : nil)
            json.key("identity_type")
            json.string(user == nil ? "group" : "user")
            json.key("avatar_url")
            json.string("")
        }
    }
}

/// Saturn's timestamps, `%Y-%m-%dT%H:%M:%S+00:00`.
enum SaturnTime {
    static func format(_ date: Date) -> String {
        String(UTCTimestamp.format(date).dropLast()) + "+00:00"
    }
}
