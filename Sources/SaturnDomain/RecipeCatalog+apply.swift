extension RecipeCatalog {
    /// Applies recipes as one transaction: all are stored, durably, or none is.
    ///
    /// Validation and permissions fail here, at once. Otherwise the write is queued to the store and readers see
    /// it; the returned `PendingApply` says when it is durable. A write the store fails to make durable is undone,
    /// with every write queued after it, before its callback runs.
    public func apply(_ drafts: [RecipeDraft], createOnly: Bool, caller: User) throws(DomainError) -> PendingApply {
        // What the rules say of each draft depends on the draft alone: checked before writers queue up.
        var issues = ValidationIssues()
        var warnings: [String] = []
        for draft in drafts { draft.review(strict: settings.strictImageURIs, issues: &issues, warnings: &warnings) }
        return try log.exclusive { writer throws(DomainError) -> PendingApply in
            var applied: [AppliedRecipe] = []
            var staged: [RecipeKey: Recipe] = [:]
            let current = state.withLock { $0 }
            let now = clock.now().wholeSeconds
            for draft in drafts {
                let owner = try writableOwner(of: draft, caller: caller, directory: current.directory)
                let key = RecipeKey(type: draft.type, owner: owner, name: draft.name)
                let stored = staged[key] ?? current.byKey[key]
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
                    spec = .resource(try resourceSpec(resource, onto: stored, caller: caller, now: now))
                }
                let recipe = Recipe(id: id, owner: owner, name: draft.name, spec: spec, createdAt: stored?.createdAt ?? now)
                let action: ApplyAction = stored == nil ? .created : (recipe == stored ? .unchanged : .updated)
                staged[key] = recipe
                applied.append(AppliedRecipe(recipe: recipe, action: action, partActions: partActions, previous: stored))
            }
            try issues.throwIfAny()
            let outcome = ApplyOutcome(recipes: applied, warnings: warnings)
            let changed = applied.filter { $0.action != .unchanged }.map(\.recipe)
            guard !changed.isEmpty else { return PendingApply(outcome: outcome, write: PendingWrite(ticket: nil, log: log)) }
            let ticket = try writer.commit(StoreTransaction(tenant: tenant, change: .put(changed))) {
                let previous = state.withLock { current in
                    changed.map { recipe in (key: recipe.key, recipe: current.put(recipe)) }
                }
                changes.add(1, ordering: .releasing)
                return { [self] in
                    state.withLock { current in
                        for entry in previous.reversed() { current.restore(entry.key, to: entry.recipe) }
                    }
                    changes.add(1, ordering: .releasing)
                }
            }
            return PendingApply(outcome: outcome, write: PendingWrite(ticket: ticket, log: log))
        }
    }

    /// The owner a draft writes to; the caller must be an admin of its org, or the owner of a resource.
    private func writableOwner(of draft: RecipeDraft, caller: User, directory: IdentityDirectory) throws(DomainError) -> OwnerPath {
        let path = draft.path.isEmpty ? "owner" : "\(draft.path).owner"
        let resolved = try directory.resolve(draft.owner ?? .path(caller.username), for: caller, path: path)
        // A member writes its own workspaces, jobs and deployments; images, and others' resources, need an admin.
        let ownResource = draft.type != .image && (resolved.identity ?? resolved.org.name) == caller.username
        guard ownResource || caller.role(in: resolved.org.name) == .admin else {
            throw .notOrgAdmin(username: caller.username, org: resolved.org.name)
        }
        return OwnerPath(org: resolved.org.name, identity: resolved.identity ?? resolved.org.name)
    }
}
