extension Tenant {
    /// Applies recipes as one transaction (README "Apply semantics"): all are stored, durably, or none is. Images
    /// merge onto what is stored; workspaces, jobs and deployments resolve their image and size, and act on
    /// `spec.status`. `createOnly` refuses a recipe that exists.
    public func apply(_ drafts: [RecipeDraft], createOnly: Bool, caller: User) throws(DomainError) -> Committed<ApplyOutcome> {
        // What the rules say of each draft depends on the draft alone: checked before writers queue up.
        var issues = ValidationIssues()
        var warnings: [String] = []
        for draft in drafts { draft.review(settings: settings, issues: &issues, warnings: &warnings) }
        return try run { view throws(DomainError) in
            var applied: [AppliedRecipe] = []
            var staged: [RecipeKey: Recipe] = [:]
            let now = view.now.wholeSeconds
            for draft in drafts {
                let owner = try writableOwner(of: draft, caller: caller, directory: view.directory)
                let key = RecipeKey(type: draft.type, owner: owner, name: draft.name)
                let stored = staged[key] ?? view.state.catalog.byKey[key]
                if createOnly, stored != nil {
                    throw .recipeExists(type: key.type.rawValue, owner: owner.description, name: draft.name)
                }
                let id = stored?.id ?? ids.recipeID(key)
                let spec: RecipeSpec
                var partActions: [RecordID: ApplyAction] = [:]
                switch draft {
                case let .image(image):
                    var storedImage: ImageSpec?
                    if case let .image(imageSpec)? = stored?.spec { storedImage = imageSpec }
                    let merge = ImageMerge.merge(image, onto: storedImage, now: now) { part in ids.partID(of: id, named: part) }
                    spec = .image(merge.spec)
                    partActions = merge.versionActions
                case let .resource(resource):
                    spec = .resource(try resourceSpec(resource, owner: owner, onto: stored, caller: caller, view: view))
                }
                let recipe = Recipe(id: id, owner: owner, name: draft.name, spec: spec, createdAt: stored?.createdAt ?? now)
                let action: ApplyAction = stored == nil ? .created : (recipe == stored ? .unchanged : .updated)
                staged[key] = recipe
                applied.append(AppliedRecipe(recipe: recipe, action: action, partActions: partActions, previous: stored))
            }
            try issues.throwIfAny()
            let changed = applied.filter { $0.action != .unchanged }.map(\.recipe)
            return (changed.isEmpty ? nil : .recipes(put: changed, removing: []), ApplyOutcome(recipes: applied, warnings: warnings))
        }
    }

    /// `POST /api/{type}s`: a new resource from Saturn's REST form (`WorkspaceCreate`, `JobCreate`,
    /// `DeploymentCreate`), applied as the recipe it makes is, create-only.
    public func create(_ kind: ResourceKind, named name: String, owner: OwnerReference?, _ edit: ResourceEdit, caller: User) throws(DomainError) -> Committed<ApplyOutcome> {
        try apply([.resource(ResourceDraft(kind, named: name, owner: owner, edit))], createOnly: true, caller: caller)
    }

    /// The owner a draft writes to: the one it names, else the caller in its default org; `Permission` decides
    /// whether the caller may write there.
    private func writableOwner(of draft: RecipeDraft, caller: User, directory: IdentityDirectory) throws(DomainError) -> OwnerPath {
        let path = draft.path.isEmpty ? "owner" : "\(draft.path).owner"
        let resolved = try directory.resolve(draft.owner ?? .path(caller.username), for: caller, path: path)
        let owner = OwnerPath(org: resolved.org.name, identity: resolved.identity ?? resolved.org.name)
        try Permission.checkWrite(draft.type, ownedBy: owner, caller: caller)
        return owner
    }

    /// The spec a resource draft of `owner` writes over `stored`: its image, size and references resolved and
    /// checked, its lifecycle kept, and `spec.status` acted on: `running` starts a stopped (or never started)
    /// resource, `stopped` stops a pending or running one. A completed or failed run is left alone, so that applying
    /// the same file twice changes nothing.
    private func resourceSpec(
        _ draft: ResourceDraft, owner: OwnerPath, onto stored: Recipe?, caller: User, view: TenantView
    ) throws(DomainError) -> ResourceSpec {
        var issues = ValidationIssues()
        let now = view.now.wholeSeconds
        let previous: ResourceSpec? = if case let .resource(spec)? = stored?.spec { spec } else { nil }
        let resolved = view.resolveImage(draft.image, path: draft.imagePath, caller: caller, keeping: previous?.image, issues: &issues)
        view.checkSize(draft.instanceType, path: draft.instanceTypePath, issues: &issues)
        var kept = draft.settings
        if let attachments = draft.gitRepositories { kept["git_repositories"] = view.gitRepositories(attachments, owner: owner, issues: &issues) }
        // saturn-client's `sc clone` reads the lists of references without a default.
        for field in ResourceReferenceReader.fields where kept[field] == nil { kept[field] = .array([]) }
        view.checkReferences(in: kept, path: draft.path, owner: owner, issues: &issues)
        guard issues.isEmpty, let resolved else { throw .invalid(issues) }
        var spec = ResourceSpec(
            kind: draft.kind, image: resolved.binding, instanceType: draft.instanceType, command: draft.command,
            schedule: draft.schedule, settings: kept, updatedAt: previous?.updatedAt ?? now,
            lifecycle: previous?.lifecycle ?? Lifecycle()
        )
        if let previous, spec != previous { spec.updatedAt = now }
        let status = spec.status(at: now, timing: settings.timing)
        switch draft.desiredStatus {
        case .running? where status == .stopped:
            spec = spec.starting(uri: resolved.version.imageURI, debugMode: false, at: now, timing: settings.timing, pulling: settings.imagePuller != nil)
        case .stopped? where status == .pending || status == .running:
            spec.lifecycle.current?.stopRequestedAt = now
        default:
            break
        }
        return spec
    }
}
