extension TenantView {
    /// The rules every change of one recipe by id obeys, whatever the command: the caller may write the recipe, a
    /// rename does not take another's key, and no workspace, job or deployment loses the image version it runs.
    /// Returns the write (nil when nothing changes) and the change.
    func deciding(_ change: RecipeChange, by caller: User) throws(DomainError) -> (write: TenantWrite?, result: RecipeChange) {
        let recipe = change.before
        try Permission.checkWrite(recipe.type, ownedBy: recipe.owner, caller: caller)
        if let changed = change.after, changed.key != recipe.key, state.catalog.byKey[changed.key] != nil {
            throw .recipeExists(type: recipe.type.rawValue, owner: changed.owner.description, name: changed.name)
        }
        try checkVersionsNotInUse(change)
        return (change.after == recipe ? nil : .change(change), change)
    }

    /// Refuses to delete an image, or versions of it, that a workspace, job or deployment runs.
    private func checkVersionsNotInUse(_ change: RecipeChange) throws(DomainError) {
        let image = change.before
        let kept = Set((change.after?.versions ?? []).map(\.id))
        let removed = image.versions.filter { !kept.contains($0.id) }
        guard !removed.isEmpty else { return }
        let users = resources(running: Set(removed.map(\.id)), of: image)
        guard !users.isEmpty else { return }
        let what = change.after == nil ? "Image '\(image.owner)/\(image.name)'"
            : "Version \(removed.map { "'\($0.name)'" }.joined(separator: ", ")) of image '\(image.owner)/\(image.name)'"
        throw .imageInUse(image: what, users: users.map { "\($0.type.rawValue) '\($0.owner)/\($0.name)'" })
    }
}
