import SaturnDomain
import SaturnJSON

/// Saturn's `Workspace`, `Job` and `Deployment`: a resource recipe as its own REST API shows it, every required
/// field present (null where the spec allows it), the image version embedded as an `ImageTag`.
struct WireResource: JSONWritable {
    let resource: ResourceView
    /// The tenant, for the owner, the image tag and the size.
    let view: TenantView
    /// Shared by the resources of one answer, so that an owner or an image tag they have in common is rendered once.
    var shared = SharedRenderings()

    /// Where a running workspace or deployment answers; made up, and said so in the README ("A job's life").
    static func url(of view: ResourceView) -> String {
        "https://\(subdomain(of: view)).saturn-mock.invalid/"
    }

    static func subdomain(of view: ResourceView) -> String {
        "\(view.kind.rawValue)-\(view.recipe.name)-\(view.recipe.owner.identity)".lowercased()
    }

    func write(to output: inout JSONOutput) {
        let spec = resource.spec
        let recipe = resource.recipe
        output.object { json in
            json.key("id")
            json.string(recipe.id)
            json.key("name")
            json.string(recipe.name)
            json.key("owner")
            shared.owner(recipe.owner, to: &json) { WireOwner(owner: recipe.owner, directory: view.directory) }
            json.key("resource_type")
            json.string(spec.kind.rawValue)
            json.key("description")
            json.string(spec.text("description", or: ""))
            json.key("image_tag")
            shared.imageTag(spec.image.versionID, to: &json) {
                view.imageVersion(of: spec).map { WireImageTag(image: WireImage($0.image, directory: view.directory), version: $0.version) }
            }
            json.key("instance_size")
            json.string(spec.instanceType)
            json.key("size_display")
            json.string(view.settings.servers.sizes.first { $0.name == spec.instanceType }?.display ?? spec.instanceType)
            json.key("environment_variables")
            json.value(spec.settings["environment_variables"] ?? .object([:]))
            json.key("extra_packages")
            writeExtraPackages(spec.settings["extra_packages"], to: &json)
            json.key("start_script")
            let startScript = spec.text("start_script", or: "")
            json.string(startScript.isEmpty ? nil : startScript)
            json.key("working_dir")
            json.string(spec.text("working_directory", or: "/home/jovyan/workspace"))
            json.key("is_spot")
            json.bool(spec.flag("use_spot_instance"))
            json.key("start_dind")
            json.bool(spec.flag("start_dind"))
            json.key("k8s_name")
            json.string(resource.k8sName)
            json.key("require_restart")
            json.bool(false)
            json.key("debug_mode")
            json.bool(spec.lifecycle.current?.debugMode ?? false)
            json.key("status")
            json.string(resource.status.rawValue)
            json.key("created_at")
            json.string(SaturnTime.format(recipe.createdAt))
            json.key("updated_at")
            json.string(SaturnTime.format(spec.updatedAt))
            switch spec.kind {
            case .workspace: writeWorkspace(to: &json)
            case .job: writeJob(to: &json)
            case .deployment: writeDeployment(to: &json)
            }
        }
    }

    private func writeWorkspace(to json: inout JSONOutput) {
        let spec = resource.spec
        json.key("ide")
        json.string(spec.text("ide", or: "jupyter"))
        json.key("disk_space")
        json.string(spec.text("disk_space", or: "10Gi"))
        json.key("auto_shutoff")
        json.string(spec.text("auto_shutoff", or: "1 hour"))
        json.key("start_ssh")
        json.bool(spec.flag("start_ssh"))
        json.key("self_destruct")
        json.bool(spec.flag("self_destruct"))
        json.key("subdomain")
        json.string(Self.subdomain(of: resource))
        json.key("url")
        json.string(Self.url(of: resource))
        json.key("ssh_url")
        json.null()
        json.key("started_at")
        json.string(resource.startedAt.map(SaturnTime.format))
    }

    private func writeJob(to json: inout JSONOutput) {
        let spec = resource.spec
        writeDeployFields(to: &json)
        json.key("retries")
        json.integer(spec.integer("retries", or: 0))
        if let schedule = spec.schedule {
            json.key("cron_schedule_options")
            json.object { json in
                json.key("schedule")
                json.string(schedule)
                json.key("concurrency_policy")
                json.string(spec.text("concurrency_policy", or: "Allow"))
            }
        }
        json.key("scheduled")
        json.bool(spec.lifecycle.scheduled)
    }

    private func writeDeployment(to json: inout JSONOutput) {
        writeDeployFields(to: &json)
        json.key("start_ssh")
        json.bool(resource.spec.flag("start_ssh"))
        json.key("subdomain")
        json.string(Self.subdomain(of: resource))
        json.key("url")
        json.string(Self.url(of: resource))
    }

    /// What jobs and deployments share: `command`, `scale`, `last_deploy` (the latest start, else the creation) and
    /// `running_count`.
    private func writeDeployFields(to json: inout JSONOutput) {
        json.key("command")
        json.string(resource.spec.command ?? "")
        json.key("scale")
        json.integer(resource.spec.integer("scale", or: 1))
        json.key("last_deploy")
        json.string(SaturnTime.format(resource.spec.lifecycle.current?.requestedAt ?? resource.recipe.createdAt))
        json.key("running_count")
        json.integer(resource.status == .running ? resource.spec.integer("scale", or: 1) : 0)
    }

    /// `ExtraPackages` from the recipe's `ExtraPackagesRecipe`: each manager's `install` as its text; null when none.
    private func writeExtraPackages(_ given: JSONValue?, to json: inout JSONOutput) {
        guard case let .object(managers)? = given else { return json.null() }
        func install(_ manager: String) -> String? {
            if case let .object(fields)? = managers[manager], case let .string(text)? = fields["install"] { return text }
            return nil
        }
        json.object { json in
            for manager in ["pip", "conda", "apt", "cran", "remotes", "bioconductor"] {
                json.key(manager)
                json.string(install(manager))
            }
            json.key("use_mamba")
            if case let .object(conda)? = managers["conda"], conda["use_mamba"] == .bool(true) { json.bool(true) } else { json.bool(false) }
        }
    }
}
