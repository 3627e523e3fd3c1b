/// Workspaces, jobs and deployments (README "A job's life"): each lifecycle call and edit is one command, checked
/// against the status now, and one transaction of the recipe it changes.
extension Tenant {
    /// `POST /api/{type}s/{id}/start`: a new run of a resource that is not active; `debugMode` is kept on the run.
    public func start(_ kind: ResourceKind, id: String, caller: User, debugMode: Bool) throws(DomainError) -> Committed<RecipeChange> {
        try run { view throws(DomainError) in
            let (recipe, spec) = try view.resource(kind, id: id, caller: caller)
            let status = view.status(of: spec)
            guard !status.isActive else {
                throw .lifecycleConflict("The \(kind.rawValue) is \(status.rawValue); stop it first, or restart it once it is running.")
            }
            guard let uri = view.imageVersion(of: spec)?.version.imageURI else { throw .resourceNotFound(kind: kind.rawValue, id: id) }
            let started = spec.starting(uri: uri, debugMode: debugMode, at: view.now.wholeSeconds, timing: settings.timing, pulling: settings.imagePuller != nil)
            return try view.deciding(RecipeChange(before: recipe, after: recipe.with(started)), by: caller)
        }
    }

    /// `POST /api/{type}s/{id}/stop`: a pending or running resource is asked to stop now.
    public func stop(_ kind: ResourceKind, id: String, caller: User) throws(DomainError) -> Committed<RecipeChange> {
        try run { view throws(DomainError) in
            let (recipe, spec) = try view.resource(kind, id: id, caller: caller)
            let status = view.status(of: spec)
            guard status == .pending || status == .running else {
                throw .lifecycleConflict("The \(kind.rawValue) is \(status.rawValue); only a pending or running \(kind.rawValue) can be stopped.")
            }
            var stopped = spec
            stopped.lifecycle.current?.stopRequestedAt = view.now.wholeSeconds
            return try view.deciding(RecipeChange(before: recipe, after: recipe.with(stopped)), by: caller)
        }
    }

    /// `POST /api/{type}s/{id}/restart`: a running resource's pod is replaced by a new run.
    public func restart(_ kind: ResourceKind, id: String, caller: User, debugMode: Bool) throws(DomainError) -> Committed<RecipeChange> {
        try run { view throws(DomainError) in
            let (recipe, spec) = try view.resource(kind, id: id, caller: caller)
            let status = view.status(of: spec)
            guard status == .running else {
                throw .lifecycleConflict("The \(kind.rawValue) is \(status.rawValue); only a running \(kind.rawValue) restarts. POST .../start starts a stopped one.")
            }
            guard let uri = view.imageVersion(of: spec)?.version.imageURI else { throw .resourceNotFound(kind: kind.rawValue, id: id) }
            let restarted = spec.starting(uri: uri, debugMode: debugMode, at: view.now.wholeSeconds, timing: settings.timing, pulling: settings.imagePuller != nil)
            return try view.deciding(RecipeChange(before: recipe, after: recipe.with(restarted)), by: caller)
        }
    }

    /// `DELETE /api/{type}s/{id}`: an active resource only with `allowActive`.
    public func deleteResource(_ kind: ResourceKind, id: String, caller: User, allowActive: Bool) throws(DomainError) -> Committed<RecipeChange> {
        try run { view throws(DomainError) in
            let (recipe, spec) = try view.resource(kind, id: id, caller: caller)
            let status = view.status(of: spec)
            guard allowActive || !status.isActive else {
                throw .lifecycleConflict("The \(kind.rawValue) is \(status.rawValue); stop it first, or delete it with ?allow_active=true.")
            }
            return try view.deciding(RecipeChange(before: recipe, after: nil), by: caller)
        }
    }

    /// `PATCH /api/{type}s/{id}`: the edit's fields in place, its image and size checked as an apply's.
    public func edit(_ kind: ResourceKind, id: String, caller: User, _ edit: ResourceEdit) throws(DomainError) -> Committed<RecipeChange> {
        try run { view throws(DomainError) in
            let (recipe, spec) = try view.resource(kind, id: id, caller: caller)
            var edited = recipe.with(try applying(edit, to: spec, of: recipe.owner, caller: caller, view: view))
            edited.name = edit.name ?? recipe.name
            return try view.deciding(RecipeChange(before: recipe, after: edited), by: caller)
        }
    }

    /// `POST /api/jobs/{id}/schedule` and `/unschedule`: whether the job's cron schedule triggers it; scheduling
    /// needs a schedule, given before or in `edit`.
    public func setScheduled(_ scheduled: Bool, jobID id: String, caller: User, _ edit: ResourceEdit) throws(DomainError) -> Committed<RecipeChange> {
        try run { view throws(DomainError) in
            let (recipe, spec) = try view.resource(.job, id: id, caller: caller)
            var changed = try applying(edit, to: spec, of: recipe.owner, caller: caller, view: view)
            guard !scheduled || changed.schedule != nil else {
                throw .lifecycleConflict("The job has no cron schedule; give one (PATCH /api/jobs/\(id) with cron_schedule_options.schedule, or \"schedule\" in this body) first.")
            }
            changed.lifecycle.scheduled = scheduled
            if changed != spec { changed.updatedAt = view.now.wholeSeconds }
            return try view.deciding(RecipeChange(before: recipe, after: recipe.with(changed)), by: caller)
        }
    }

    /// The spec of a resource of `owner` with an edit's fields in place, its image, size and repositories checked as
    /// an apply checks them; `updatedAt` moves when anything changed.
    private func applying(_ edit: ResourceEdit, to spec: ResourceSpec, of owner: OwnerPath, caller: User, view: TenantView) throws(DomainError) -> ResourceSpec {
        var issues = ValidationIssues()
        var edited = spec
        if let image = edit.image {
            edited.image = view.resolveImage(image, path: ResourceEdit.imagePath(of: image), caller: caller, keeping: spec.image, issues: &issues)?.binding ?? spec.image
        }
        if let instanceType = edit.instanceType {
            view.checkSize(instanceType, path: "instance_size", issues: &issues)
            edited.instanceType = instanceType
        }
        if let attachments = edit.gitRepositories {
            let repositories = view.gitRepositories(attachments, owner: owner, issues: &issues)
            view.checkReferences(in: ["git_repositories": repositories], path: "", owner: owner, issues: &issues)
            edited.settings["git_repositories"] = repositories
        }
        try issues.throwIfAny()
        if let command = edit.command { edited.command = command }
        if let schedule = edit.schedule { edited.schedule = schedule }
        edited.settings.merge(edit.settings) { $1 }
        if edited != spec { edited.updatedAt = view.now.wholeSeconds }
        return edited
    }
}
