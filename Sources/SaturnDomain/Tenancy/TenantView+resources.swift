extension TenantView {
    /// The resource of this kind and id, if the caller may see it.
    public func resource(_ kind: ResourceKind, id: String, caller: User) throws(DomainError) -> (Recipe, ResourceSpec) {
        guard let found = recipe(id: id, type: kind.recipeType, caller: caller), case let .resource(spec) = found.spec else {
            throw .resourceNotFound(kind: kind.rawValue, id: id)
        }
        return (found, spec)
    }

    /// A resource as it is at the view's instant.
    public func resourceView(_ recipe: Recipe, spec: ResourceSpec) -> ResourceView {
        ResourceView(recipe: recipe, spec: spec, timing: settings.timing, now: now)
    }

    /// The resource of this kind and id as it is now, if the caller may see it.
    public func resourceView(_ kind: ResourceKind, id: String, caller: User) throws(DomainError) -> ResourceView {
        let (recipe, spec) = try resource(kind, id: id, caller: caller)
        return resourceView(recipe, spec: spec)
    }

    /// The pod of this name, live or past, of a resource the caller may see.
    public func pod(named name: String, caller: User) throws(DomainError) -> (ResourceView, PodView) {
        guard let owner = ResourceView.podOwner(name), let resource = try? resourceView(owner.kind, id: owner.id, caller: caller),
              let pod = resource.pods.first(where: { $0.name == name }) else { throw .podNotFound(name) }
        return (resource, pod)
    }

    /// The live pods of the resources the caller may see: of one resource when `id` is given, of one kind when
    /// `kind` is; in pod-name order.
    public func livePods(kind: ResourceKind?, id: String?, caller: User) -> [PodView] {
        let recipes: [Recipe] = id.map { id in state.catalog.byID[RecordID(id)].map { [$0] } ?? [] } ?? state.catalog.resources
        return recipes.compactMap { recipe -> ResourceView? in
            guard case let .resource(spec) = recipe.spec, kind == nil || spec.kind == kind, RecipeScope.sees(recipe, caller) else { return nil }
            return resourceView(recipe, spec: spec)
        }.flatMap { $0.pods.filter(\.isLive) }.sorted { $0.name < $1.name }
    }

    /// A size the installation has; a seed without a sizes catalogue accepts any.
    func checkSize(_ name: String, path: String, issues: inout ValidationIssues) {
        let sizes = settings.servers.sizes
        guard !sizes.isEmpty, !sizes.contains(where: { $0.name == name }) else { return }
        issues.add(path, "'\(name)' is not a size of this installation; sizes: \(sizes.map(\.name).joined(separator: ", ")) (GET /api/info/servers)")
    }

    /// A resource's status at the view's instant.
    func status(of spec: ResourceSpec) -> ResourceStatus {
        spec.status(at: now, timing: settings.timing)
    }
}
