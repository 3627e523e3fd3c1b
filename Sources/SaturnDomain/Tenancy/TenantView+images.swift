extension TenantView {
    /// The image with this id, if the caller may see it.
    public func image(id: String, caller: User) throws(DomainError) -> Recipe {
        guard let found = recipe(id: id, type: .image, caller: caller) else { throw .imageNotFound(id: id) }
        return found
    }

    /// The version of a visible image with this id.
    public func imageTag(imageID: String, tagID: String, caller: User) throws(DomainError) -> (Recipe, ImageVersion) {
        let image = try image(id: imageID, caller: caller)
        let wanted = RecordID(tagID)
        guard let version = image.versions.first(where: { $0.id == wanted }) else {
            throw .imageTagNotFound(imageID: imageID, tagID: tagID)
        }
        return (image, version)
    }

    /// The image version a resource runs.
    public func imageVersion(of spec: ResourceSpec) -> (image: Recipe, version: ImageVersion)? {
        guard let image = state.catalog.byID[spec.image.imageID],
              let version = image.versions.first(where: { $0.id == spec.image.versionID }) else { return nil }
        return (image, version)
    }

    /// The image version a reference names among the images the caller can see; a problem at `path` otherwise,
    /// listing what exists. An archived version is refused unless the resource runs it already (`keeping`).
    func resolveImage(
        _ reference: ImageTagReference, path: String, caller: User, keeping current: ImageBinding?, issues: inout ValidationIssues
    ) -> (binding: ImageBinding, version: ImageVersion)? {
        var candidates: [(Recipe, ImageVersion)] = []
        var ownerFilter: OwnerReference?
        func matches(_ image: Recipe, _ version: (ImageVersion) -> Bool) -> [(Recipe, ImageVersion)] {
            guard RecipeScope.sees(image, caller) else { return [] }
            return image.versions.filter(version).map { (image, $0) }
        }
        // By name through the name index; by tag id or URI, a walk of the images only (an index of every
        // version would cost each start-up more than these rarer forms cost an apply).
        switch reference {
        case let .tagID(text):
            let id = RecordID(text)
            candidates = state.catalog.images.flatMap { matches($0) { $0.id == id } }
        case let .uri(uri, owner):
            ownerFilter = owner
            candidates = state.catalog.images.flatMap { matches($0) { $0.imageURI == uri } }
        case let .name(name, version, owner):
            ownerFilter = owner
            let named = state.catalog.byName.all(name).filter { $0.type == .image }
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
            let listed = state.catalog.images.filter { RecipeScope.sees($0, caller) }.flatMap { image in
                image.versions.map { "\(image.owner)/\(image.name):\($0.name)" }
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

    /// The workspaces, jobs and deployments that run any of `versions` of `image`, in key order.
    func resources(running versions: Set<RecordID>, of image: Recipe) -> [Recipe] {
        state.catalog.resources.filter { recipe in
            guard case let .resource(resource) = recipe.spec else { return false }
            return resource.image.imageID == image.id && versions.contains(resource.image.versionID)
        }.sorted { $0.key < $1.key }
    }
}
