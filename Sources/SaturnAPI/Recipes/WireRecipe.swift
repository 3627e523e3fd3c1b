import SaturnDomain
import SaturnJSON

/// A Recipe as Saturn's API spells it (`Recipe`, discriminated by `type`): `schema_version`, `type`, `spec` and
/// `state` (stable ids, and what an apply did). Each type's spec and state are written by its own method.
struct WireRecipe: JSONWritable {
    static let schemaVersion = "2025.10.01"

    let recipe: Recipe
    /// The tenant, for a resource's status and image.
    let view: TenantView
    /// The apply this answers, whose actions go into `state`.
    var applied: AppliedRecipe?
    /// Strips `spec.owner` and `state`, as `as_template` asks.
    var asTemplate = false

    func write(to output: inout JSONOutput) {
        output.object { json in
            json.key("schema_version")
            json.string(Self.schemaVersion)
            json.key("type")
            json.string(recipe.type.rawValue)
            json.key("spec")
            switch recipe.spec {
            case let .image(image):
                writeSpec(image, to: &json)
                if !asTemplate {
                    json.key("state")
                    writeState(image, to: &json)
                }
            case let .resource(resource):
                let resourceView = view.resourceView(recipe, spec: resource)
                writeSpec(resourceView, to: &json)
                if !asTemplate {
                    json.key("state")
                    writeState(resourceView, to: &json)
                }
            }
        }
    }

    /// `ImageSpec`, with `ImageTagRecipe` versions.
    private func writeSpec(_ image: ImageSpec, to output: inout JSONOutput) {
        output.object { json in
            writeNameAndOwner(to: &json)
            json.key("description")
            json.string(image.description)
            json.key("versions")
            json.array(image.versions) { json, version in
                json.object { json in
                    json.key("name")
                    json.string(version.name)
                    json.key("image_uri")
                    json.string(version.imageURI)
                    if let description = version.description {
                        json.key("description")
                        json.string(description)
                    }
                    json.key("archived")
                    json.bool(version.archived)
                    if let buildData = version.buildData {
                        json.key("build_data")
                        json.object(sorted: buildData) { json, value in json.string(value) }
                    }
                }
            }
            json.key("hardware_type")
            json.string(image.hardwareType.rawValue)
            if let supports = image.supports {
                json.key("supports")
                json.array(supports) { json, item in json.string(item) }
            }
            json.key("access")
            json.string(image.access.rawValue)
        }
    }

    /// `ImageState`, with an `ImageTagState` per version.
    private func writeState(_ image: ImageSpec, to output: inout JSONOutput) {
        output.object { json in
            writeIDAndAction(to: &json)
            json.key("versions")
            json.array(image.versions) { json, version in
                json.object { json in
                    json.key("id")
                    json.string(version.id)
                    if let action = applied?.partActions[version.id] {
                        json.key("action")
                        json.string(action.rawValue)
                    }
                }
            }
        }
    }
}

extension WireRecipe {
    /// `WorkspaceSpec`, `JobSpec` or `DeploymentSpec`: the image as `org/identity/name:version`, and every other
    /// field as it was given. `spec.status` is write-only in Saturn's spec: the live status is `state.status`.
    private func writeSpec(_ resource: ResourceView, to output: inout JSONOutput) {
        let spec = resource.spec
        output.object { json in
            writeNameAndOwner(to: &json)
            json.key("image")
            if let (image, version) = view.imageVersion(of: spec) {
                json.string("\(image.owner)/\(image.name):\(version.name)")
            } else {
                json.null()
            }
            json.key("instance_type")
            json.string(spec.instanceType)
            if let command = spec.command {
                json.key("command")
                json.string(command)
            }
            if spec.kind == .job {
                json.key("schedule")
                json.string(spec.schedule)
            }
            for (name, value) in spec.settings.sorted(by: { $0.key < $1.key }) {
                json.key(name)
                json.value(value)
            }
        }
    }

    /// `ResourceState`: the id, what an apply did, the live status and, while running, the URL.
    private func writeState(_ resource: ResourceView, to output: inout JSONOutput) {
        output.object { json in
            writeIDAndAction(to: &json)
            json.key("status")
            json.string(resource.status.rawValue)
            json.key("url")
            json.string(resource.kind == .job || resource.status != .running ? nil : WireResource.url(of: resource))
        }
    }
}

extension WireRecipe {
    /// The start of every type's spec: the name, and the owner unless it is a template.
    private func writeNameAndOwner(to json: inout JSONOutput) {
        json.key("name")
        json.string(recipe.name)
        if !asTemplate {
            json.key("owner")
            json.string(recipe.owner.description)
        }
    }

    /// The start of every type's state: the recipe's id, and what the apply this answers did to it.
    private func writeIDAndAction(to json: inout JSONOutput) {
        json.key("id")
        json.string(recipe.id)
        if let applied {
            json.key("action")
            json.string(applied.action.rawValue)
        }
    }
}
