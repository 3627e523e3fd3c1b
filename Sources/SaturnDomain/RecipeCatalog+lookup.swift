extension RecipeCatalog {
    /// The recipe of this type and name that the caller means: its own first, then its scope org's, else ambiguous.
    public func recipe(type: RecipeType, name: String, owner: OwnerReference?, caller: User) throws(DomainError) -> Recipe {
        let scope = try RecipeScope(owner: owner, caller: caller, directory: directory)
        let candidates = state.withLock { current in
            current.byName.all(name).filter { $0.type == type && scope.includes($0) }
        }.sorted { $0.key < $1.key }
        let preferences: [(Recipe) -> Bool] = [
            { _ in true },
            { $0.owner == OwnerPath(org: scope.org.name, identity: caller.username) },
            { $0.owner.org == scope.org.name },
        ]
        for preference in preferences {
            let chosen = candidates.filter(preference)
            if chosen.count == 1 { return chosen[0] }
        }
        guard candidates.isEmpty else {
            throw .ambiguousRecipe(type: type.rawValue, name: name, owners: candidates.map(\.owner.description))
        }
        throw .recipeNotFound(type: type.rawValue, name: name)
    }
}
