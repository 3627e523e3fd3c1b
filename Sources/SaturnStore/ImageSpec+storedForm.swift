import SaturnDomain
import SaturnJSON

extension ImageSpec {
    /// Writes the stored form of an image's spec.
    func writeStored(to output: inout JSONOutput) {
        output.object { json in
            json.key("description")
            json.string(description)
            json.key("hardware_type")
            json.string(hardwareType.rawValue)
            if let supports {
                json.key("supports")
                json.array(supports) { json, item in json.string(item) }
            }
            json.key("access")
            json.string(access.rawValue)
            json.key("versions")
            json.array(versions) { json, version in version.writeStored(to: &json) }
        }
    }
}
