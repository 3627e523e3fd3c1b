import FoundationEssentials
import SaturnJSON

/// Workspaces, jobs and deployments: their specs resolved against the tenant's images and sizes, and their lifecycle
/// calls, each one transaction of the recipe it changes (README "A job's life").
extension RecipeCatalog {
    /// The spec a resource draft writes over `stored`: its image and size resolved and checked, its lifecycle kept,
    /// and `spec.status` acted on: `running` starts a stopped (or never started) resource, `stopped` stops a pending
    /// or running one. A completed or failed run is left alone, so that applying the same file twice changes nothing.
    func resourceSpec(_ draft: ResourceDraft, onto stored: Recipe?, caller: User, now: Date) throws(DomainError) -> ResourceSpec {
        var issues = ValidationIssues()
        let previous: ResourceSpec? = if case let .resource(spec)? = stored?.spec { spec } else { nil }
        let resolved = resolveImage(draft.image, path: "\(draft.path).image", caller: caller, keeping: previous?.image, issues: &issues)
        checkSize(draft.instanceType, path: "\(draft.path).instance_type", issues: &issues)
        guard issues.isEmpty, let resolved else { throw .invalid(issues) }
        var spec = ResourceSpec(
            kind: draft.kind, image: resolved.binding, instanceType: draft.instanceType, command: draft.command,
            schedule: draft.schedule, settings: draft.settings, updatedAt: previous?.updatedAt ?? now,
            lifecycle: previous?.lifecycle ?? Lifecycle()
        )
        if let previous, spec != previous { spec.updatedAt = now }
        let status = status(of: spec, at: now)
        switch draft.desiredStatus {
        case .running? where status == .stopped:
            spec.lifecycle = started(spec, uri: resolved.version.imageURI, debugMode: false, at: now)
        case .stopped? where status == .pending || status == .running:
            spec.lifecycle.current?.stopRequestedAt = now
        default:
            break
        }
        return spec
    }

    /// The image version a reference names among the images the caller can see; a problem at `path` otherwise,
    /// listing what exists. An archived version is refused unless the resource runs it already.
    private func resolveImage(
        _ reference: ImageTagReference, path: String, caller: User, keeping current: ImageBinding?, issues: inout ValidationIssues
    ) -> (binding: ImageBinding, version: ImageVersion)? {
        var candidates: [(Recipe, ImageVersion)] = []
        var ownerFilter: OwnerReference?
        func matches(_ image: Recipe, _ version: (ImageVersion) -> Bool) -> [(Recipe, ImageVersion)] {
            guard RecipeScope.sees(image, caller) else { return [] }
            return versions(of: image).filter(version).map { (image, $0) }
        }
        // By name through the name index; by tag id or URI, a walk of the images only (an index of every
        // version would cost each start-up more than these rarer forms cost an apply).
        switch reference {
        case let .tagID(text):
            let id = RecordID(text)
            candidates = images().flatMap { matches($0) { $0.id == id } }
        case let .uri(uri, owner):
            ownerFilter = owner
            candidates = images().flatMap { matches($0) { $0.imageURI == uri } }
        case let .name(name, version, owner):
            ownerFilter = owner
            let named = state.withLock { current in
                current.byName.all(name).filter { $0.type == .image }
            }
            candidates = named.sorted { $0.key < $1.key }.flatMap { matches($0) { $0.name == version } }
        }
        if let ownerFilter {
            do throws(DomainError) {
                let scope = try RecipeScope(owner: ownerFilter, caller: caller, directory: directory)
                candidates = candidates.filter { scope.includes($0.0) }
            } catch {
                issues.add("\(path).owner", "names no owner you can see")
                return nil
            }
        }
        // As a look-up by name prefers: the caller's own, then its default org's.
        let preferences: [((Recipe, ImageVersion)) -> Bool] = [
            { _ in true }, { $0.0.owner.identity == caller.username }, { $0.0.owner.org == caller.defaultOrg },
        ]
        guard let chosen = preferences.lazy.map({ candidates.filter($0) }).first(where: { $0.count == 1 })?.first else {
            let listed = images().filter { RecipeScope.sees($0, caller) }.flatMap { image in
                versions(of: image).map { "\(image.owner)/\(image.name):\($0.name)" }
            }
            let known = listed.isEmpty ? "you can see no images; import one first (POST /api/recipes/apply)"
                : "images you can see: \(listed.prefix(10).joined(separator: ", "))" + (listed.count > 10 ? " and \(listed.count - 10) more" : "")
            let found = candidates.isEmpty ? "no image version you can see matches" : "\(candidates.count) image versions match; give the owner"
            issues.add(path, "\(found) \(reference.description); \(known)")
            return nil
        }
        let binding = ImageBinding(imageID: chosen.0.id, versionID: chosen.1.id)
        if chosen.1.archived, binding != current {
            issues.add(path, "\(reference.description) is archived; archived versions run on existing resources only")
            return nil
        }
        return (binding, chosen.1)
    }

    /// Every image recipe, in key order, without touching the other types.
    private func images() -> [Recipe] {
        state.withLock { current in
            var walker = current.ordered.walk(ascending: true, from: RecipeKey(type: .image, owner: OwnerPath(org: "", identity: ""), name: ""))
            var found: [Recipe] = []
            while let box = walker.next(), box.recipe.type == .image { found.append(box.recipe) }
            return found
        }
    }

    private func versions(of image: Recipe) -> [ImageVersion] {
        if case let .image(spec) = image.spec { return spec.versions }
        return []
    }

    /// A seed without a sizes catalogue accepts any size.
    func checkSize(_ name: String, path: String, issues: inout ValidationIssues) {
        let sizes = settings.servers.sizes
        guard !sizes.isEmpty, !sizes.contains(where: { $0.name == name }) else { return }
        issues.add(path, "'\(name)' is not a size of this installation; sizes: \(sizes.map(\.name).joined(separator: ", ")) (GET /api/info/servers)")
    }

    /// The lifecycle after a new run was asked for at `now`; the run before it goes to the history.
    private func started(_ spec: ResourceSpec, uri: String, debugMode: Bool, at now: Date) -> Lifecycle {
        var lifecycle = spec.lifecycle
        if let previous = lifecycle.current {
            var ended = previous
            if status(of: spec, at: now).isActive { ended.stopRequestedAt = now }
            lifecycle.history.insert(ended, at: 0)
            lifecycle.history = Array(lifecycle.history.prefix(Lifecycle.historyLimit))
        }
        let failure = ImageReference.grammarProblem(in: uri).map { "'\(uri)' breaks the registry reference grammar: \($0)" }
        lifecycle.current = ResourceRun(
            number: (lifecycle.current?.number ?? 0) + 1, requestedAt: now, stopRequestedAt: nil, imageURI: uri,
            command: spec.command, debugMode: debugMode, failure: failure
        )
        return lifecycle
    }

    /// The image version a resource runs.
    public func imageVersion(of spec: ResourceSpec) -> (image: Recipe, version: ImageVersion)? {
        state.withLock { current in
            guard let image = current.byID[spec.image.imageID],
                  case let .image(imageSpec) = image.spec, let version = imageSpec.versions.first(where: { $0.id == spec.image.versionID })
            else { return nil }
            return (image, version)
        }
    }

    /// A resource's status at `now`: its latest run's, or `stopped` before the first start.
    private func status(of spec: ResourceSpec, at now: Date) -> ResourceStatus {
        spec.lifecycle.current.map { RunSchedule($0, kind: spec.kind, timing: settings.timing).status(at: now) } ?? .stopped
    }

    /// A resource as it is now, by the tenant's clock.
    public func view(_ recipe: Recipe, spec: ResourceSpec) -> ResourceView {
        ResourceView(recipe: recipe, spec: spec, timing: settings.timing, now: clock.now())
    }

    /// The resource of this kind and id as it is now, if the caller may see it.
    public func view(_ kind: ResourceKind, id: String, caller: User) throws(DomainError) -> ResourceView {
        let (recipe, spec) = try resource(kind, id: id, caller: caller)
        return view(recipe, spec: spec)
    }

    /// The pod of this name, live or past, of a resource the caller may see.
    public func pod(named name: String, caller: User) throws(DomainError) -> (ResourceView, PodView) {
        guard let owner = ResourceView.podOwner(name), let resource = try? view(owner.kind, id: owner.id, caller: caller),
              let pod = resource.pods.first(where: { $0.name == name }) else { throw .podNotFound(name) }
        return (resource, pod)
    }

    /// The live pods of the resources the caller may see in its default org: of one resource when `id` is given,
    /// of one kind when `kind` is; in pod-name order.
    public func livePods(kind: ResourceKind?, id: String?, caller: User) -> [PodView] {
        let now = clock.now()
        let recipes: [Recipe] = state.withLock { current in
            if let id { return current.byID[RecordID(id)].map { [$0] } ?? [] }
            return current.byKey.values.filter { $0.type != .image }
        }
        return recipes.compactMap { recipe -> ResourceView? in
            guard case let .resource(spec) = recipe.spec, kind == nil || spec.kind == kind, RecipeScope.sees(recipe, caller) else { return nil }
            return ResourceView(recipe: recipe, spec: spec, timing: settings.timing, now: now)
        }.flatMap { $0.pods.filter(\.isLive) }.sorted { $0.name < $1.name }
    }

    /// The resource of this kind and id, if the caller may see it.
    public func resource(_ kind: ResourceKind, id: String, caller: User) throws(DomainError) -> (Recipe, ResourceSpec) {
        let found = state.withLock { current in current.byID[RecordID(id)] }
        guard let found, found.type == kind.recipeType, RecipeScope.sees(found, caller), case let .resource(spec) = found.spec else {
            throw .resourceNotFound(kind: kind.rawValue, id: id)
        }
        return (found, spec)
    }

    /// A lifecycle call or an edit on a resource the caller owns or administers, in one transaction: `change` gets
    /// the spec and the status now, and gives the spec back changed, or nil to delete the resource.
    public func writeResource(
        _ kind: ResourceKind, id: String, caller: User,
        change: (ResourceSpec, ResourceStatus, Date) throws(DomainError) -> ResourceSpec?
    ) throws(DomainError) -> (before: Recipe, after: Recipe?, write: PendingWrite) {
        try writeRecipe(id: id, caller: caller, find: { id throws(DomainError) in try resource(kind, id: id, caller: caller).0 }) { recipe throws(DomainError) in
            guard case let .resource(spec) = recipe.spec else { return recipe }
            let now = clock.now().wholeSeconds
            guard let changed = try change(spec, status(of: spec, at: now), now) else { return nil }
            var written = recipe
            written.spec = .resource(changed)
            return written
        }
    }

    /// Starts a resource that is not active; `debugMode` is Saturn's start option, kept on the run.
    public func start(_ kind: ResourceKind, id: String, caller: User, debugMode: Bool) throws(DomainError) -> (before: Recipe, after: Recipe?, write: PendingWrite) {
        try writeResource(kind, id: id, caller: caller) { spec, status, now throws(DomainError) in
            guard !status.isActive else {
                throw .lifecycleConflict("The \(kind.rawValue) is \(status.rawValue); stop it first, or restart it once it is running.")
            }
            guard let uri = imageVersion(of: spec)?.version.imageURI else { throw .resourceNotFound(kind: kind.rawValue, id: id) }
            var started = spec
            started.lifecycle = self.started(spec, uri: uri, debugMode: debugMode, at: now)
            return started
        }
    }

    /// Stops a pending or running resource.
    public func stop(_ kind: ResourceKind, id: String, caller: User) throws(DomainError) -> (before: Recipe, after: Recipe?, write: PendingWrite) {
        try writeResource(kind, id: id, caller: caller) { spec, status, now throws(DomainError) in
            guard status == .pending || status == .running else {
                throw .lifecycleConflict("The \(kind.rawValue) is \(status.rawValue); only a pending or running \(kind.rawValue) can be stopped.")
            }
            var stopped = spec
            stopped.lifecycle.current?.stopRequestedAt = now
            return stopped
        }
    }

    /// Restarts a running resource: its pod is replaced by a new run.
    public func restart(_ kind: ResourceKind, id: String, caller: User, debugMode: Bool) throws(DomainError) -> (before: Recipe, after: Recipe?, write: PendingWrite) {
        try writeResource(kind, id: id, caller: caller) { spec, status, now throws(DomainError) in
            guard status == .running else {
                throw .lifecycleConflict("The \(kind.rawValue) is \(status.rawValue); only a running \(kind.rawValue) restarts. POST .../start starts a stopped one.")
            }
            guard let uri = imageVersion(of: spec)?.version.imageURI else { throw .resourceNotFound(kind: kind.rawValue, id: id) }
            var restarted = spec
            restarted.lifecycle = started(spec, uri: uri, debugMode: debugMode, at: now)
            return restarted
        }
    }

    /// Deletes a resource; an active one only with `allowActive`.
    public func deleteResource(_ kind: ResourceKind, id: String, caller: User, allowActive: Bool) throws(DomainError) -> (before: Recipe, after: Recipe?, write: PendingWrite) {
        try writeResource(kind, id: id, caller: caller) { _, status, _ throws(DomainError) in
            guard allowActive || !status.isActive else {
                throw .lifecycleConflict("The \(kind.rawValue) is \(status.rawValue); stop it first, or delete it with ?allow_active=true.")
            }
            return nil
        }
    }
}

/// What `PATCH /api/{type}s/{id}` changes: each given field replaces the spec's; a nil one is left as it is.
public struct ResourceEdit: Sendable {
    /// A new name: the resource is renamed, keeping its id.
    public var name: String?
    /// Another image version, resolved as an apply's `spec.image` is.
    public var image: ImageTagReference?
    public var instanceType: String?
    public var command: String?
    public var schedule: String?
    /// Settings by their recipe name (`description`, `environment_variables`, `working_directory`, `scale`, …).
    public var settings: [String: JSONValue] = [:]

    /// No change.
    public init() {}
}

extension RecipeCatalog {
    /// Applies an edit to a resource the caller owns or administers; its image and size are checked as an apply's.
    public func edit(_ kind: ResourceKind, id: String, caller: User, _ edit: ResourceEdit) throws(DomainError) -> (before: Recipe, after: Recipe?, write: PendingWrite) {
        try writeRecipe(id: id, caller: caller, find: { id throws(DomainError) in try resource(kind, id: id, caller: caller).0 }) { recipe throws(DomainError) in
            guard case let .resource(spec) = recipe.spec else { return recipe }
            var edited = try applying(edit, to: spec, caller: caller)
            if edited != spec { edited.updatedAt = clock.now().wholeSeconds }
            var written = recipe
            written.name = edit.name ?? recipe.name
            written.spec = .resource(edited)
            return written
        }
    }

    /// Lets a job's cron schedule trigger it (`POST /api/jobs/{id}/schedule`); it needs a schedule.
    public func setScheduled(_ scheduled: Bool, jobID id: String, caller: User, _ edit: ResourceEdit) throws(DomainError) -> (before: Recipe, after: Recipe?, write: PendingWrite) {
        try writeResource(.job, id: id, caller: caller) { spec, _, now throws(DomainError) in
            var changed = try applying(edit, to: spec, caller: caller)
            guard !scheduled || changed.schedule != nil else {
                throw .lifecycleConflict("The job has no cron schedule; give one (PATCH /api/jobs/\(id) with cron_schedule_options.schedule, or \"schedule\" in this body) first.")
            }
            changed.lifecycle.scheduled = scheduled
            if changed != spec { changed.updatedAt = now }
            return changed
        }
    }

    /// The spec with an edit's fields in place, its image and size checked as an apply checks them.
    private func applying(_ edit: ResourceEdit, to spec: ResourceSpec, caller: User) throws(DomainError) -> ResourceSpec {
        var issues = ValidationIssues()
        var edited = spec
        if let image = edit.image {
            let path = if case .tagID = image { "image_tag_id" } else { "image_uri" }
            edited.image = resolveImage(image, path: path, caller: caller, keeping: spec.image, issues: &issues)?.binding ?? spec.image
        }
        if let instanceType = edit.instanceType {
            checkSize(instanceType, path: "instance_size", issues: &issues)
            edited.instanceType = instanceType
        }
        try issues.throwIfAny()
        if let command = edit.command { edited.command = command }
        if let schedule = edit.schedule { edited.schedule = schedule }
        edited.settings.merge(edit.settings) { $1 }
        return edited
    }
}
