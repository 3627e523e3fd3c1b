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
        for draft in drafts { draft.review(strict: strictImageURIs, issues: &issues, warnings: &warnings) }
        return try writer.withLock { pending throws(DomainError) -> PendingApply in
            let durable = store.durableThrough
            pending.removeAll { $0.ticket <= durable }
            var applied: [AppliedRecipe] = []
            var staged: [RecipeKey: Recipe] = [:]
            for draft in drafts {
                let owner = try writableOwner(of: draft, caller: caller)
                let key = RecipeKey(type: draft.type, owner: owner, name: draft.name)
                let stored = staged[key] ?? state.withLock { $0.byKey[key] }
                if createOnly, stored != nil {
                    throw .recipeExists(type: key.type.rawValue, owner: owner.description, name: draft.name)
                }
                let merge = draft.merged(onto: stored?.spec, newID: StableID.random)
                let recipe = Recipe(id: stored?.id ?? StableID.random(), owner: owner, name: draft.name, spec: merge.spec)
                let action: ApplyAction = stored == nil ? .created : (recipe == stored ? .unchanged : .updated)
                staged[key] = recipe
                applied.append(AppliedRecipe(recipe: recipe, action: action, partActions: merge.partActions))
            }
            guard issues.isEmpty else { throw .invalid(issues) }
            let outcome = ApplyOutcome(recipes: applied, warnings: warnings)
            let changed = applied.filter { $0.action != .unchanged }.map(\.recipe)
            guard !changed.isEmpty else { return PendingApply(outcome: outcome, ticket: nil, catalog: self) }
            let ticket: UInt64
            do throws(StoreError) {
                ticket = try store.append(changed)
            } catch {
                throw .storeUnavailable(reason: error.description)
            }
            let previous = state.withLock { current in
                changed.map { recipe in (recipe.key, current.put(recipe)) }
            }
            changes.add(1, ordering: .releasing)
            pending.append(PendingUndo(ticket: ticket, previous: previous))
            return PendingApply(outcome: outcome, ticket: ticket, catalog: self)
        }
    }

    /// The owner a draft writes to; the caller must be an admin of its org.
    private func writableOwner(of draft: RecipeDraft, caller: User) throws(DomainError) -> OwnerPath {
        let resolved = try directory.resolve(draft.owner ?? .path(caller.username), for: caller, path: "\(draft.path).owner")
        guard caller.role(in: resolved.org.name) == .admin else {
            throw .notOrgAdmin(username: caller.username, org: resolved.org.name)
        }
        return OwnerPath(org: resolved.org.name, identity: resolved.identity ?? resolved.org.name)
    }
}
