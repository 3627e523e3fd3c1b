import FoundationEssentials

/// Saturn's images REST API (`/api/images`, `/api/images/{id}/tags`) on the same recipes, ids and transactions as
/// image recipes: an image is an image recipe, a tag is one of its versions.
extension RecipeCatalog {
    /// The image with this id, if the caller may see it.
    public func image(id: String, caller: User) throws(DomainError) -> Recipe {
        let found = state.withLock { current in current.byID[RecordID(id)] }
        guard let found, found.type == .image, RecipeScope.sees(found, caller) else { throw .imageNotFound(id: id) }
        return found
    }

    /// The version of a visible image with this id.
    public func imageTag(imageID: String, tagID: String, caller: User) throws(DomainError) -> (Recipe, ImageVersion) {
        let image = try image(id: imageID, caller: caller)
        let wanted = RecordID(tagID)
        guard case let .image(spec) = image.spec, let version = spec.versions.first(where: { $0.id == wanted }) else {
            throw .imageTagNotFound(imageID: imageID, tagID: tagID)
        }
        return (image, version)
    }

    /// Changes an image the caller administers, in one transaction: `change` gets the image and gives it back
    /// changed, renamed, or nil to delete it. Returns the image as written (nil once deleted).
    public func writeImage(
        id: String, caller: User, change: (Recipe, ImageSpec) throws(DomainError) -> Recipe?
    ) throws(DomainError) -> (before: Recipe, after: Recipe?, write: PendingWrite) {
        try writeRecipe(id: id, caller: caller, find: { id throws(DomainError) in try image(id: id, caller: caller) }) { image throws(DomainError) in
            guard case let .image(spec) = image.spec else { throw .imageNotFound(id: id) }
            let changed = try change(image, spec)
            try checkNotInUse(image, after: changed)
            return changed
        }
    }

    /// Refuses to delete an image, or versions of it, that a workspace, job or deployment runs.
    private func checkNotInUse(_ image: Recipe, after changed: Recipe?) throws(DomainError) {
        let kept: Set<RecordID> = if case let .image(spec)? = changed?.spec { Set(spec.versions.map(\.id)) } else { [] }
        guard case let .image(spec) = image.spec else { return }
        let removed = spec.versions.filter { !kept.contains($0.id) }
        guard !removed.isEmpty else { return }
        let removedIDs = Set(removed.map(\.id))
        let users = state.withLock { current in
            current.byKey.values.filter { recipe in
                guard case let .resource(resource) = recipe.spec else { return false }
                return resource.image.imageID == image.id && removedIDs.contains(resource.image.versionID)
            }
        }.sorted { $0.key < $1.key }
        guard !users.isEmpty else { return }
        let what = changed == nil ? "Image '\(image.owner)/\(image.name)'"
            : "Version \(removed.map { "'\($0.name)'" }.joined(separator: ", ")) of image '\(image.owner)/\(image.name)'"
        throw .imageInUse(image: what, users: users.map { "\($0.type.rawValue) '\($0.owner)/\($0.name)'" })
    }

    /// Changes a recipe the caller may write (an org admin, or the owner of a workspace, job or deployment), in one
    /// transaction: `find` looks it up by id as the caller sees it, `change` gives it back changed, renamed, or nil
    /// to delete it.
    func writeRecipe(
        id: String, caller: User, find: (String) throws(DomainError) -> Recipe, change: (Recipe) throws(DomainError) -> Recipe?
    ) throws(DomainError) -> (before: Recipe, after: Recipe?, write: PendingWrite) {
        try log.exclusive { writer throws(DomainError) -> (before: Recipe, after: Recipe?, write: PendingWrite) in
            let recipe = try find(id)
            let ownsResource = recipe.type != .image && recipe.owner.identity == caller.username
            guard ownsResource || caller.role(in: recipe.owner.org) == .admin else {
                throw .notOrgAdmin(username: caller.username, org: recipe.owner.org)
            }
            let changed = try change(recipe)
            if let changed, changed.key != recipe.key, state.withLock({ $0.byKey[changed.key] != nil }) {
                throw .recipeExists(type: recipe.type.rawValue, owner: changed.owner.description, name: changed.name)
            }
            if let changed, changed == recipe { return (recipe, changed, PendingWrite(ticket: nil, log: log)) }
            let removing = changed.map { $0.key == recipe.key ? [] : [recipe.key] } ?? [recipe.key]
            let ticket = try writer.commit(StoreTransaction(tenant: tenant, change: .put(changed.map { [$0] } ?? [], removing: removing))) {
                state.withLock { current in
                    for key in removing { current.restore(key, to: nil) }
                    if let changed { current.put(changed) }
                }
                changes.add(1, ordering: .releasing)
                return { [self] in
                    state.withLock { current in
                        if let changed { current.restore(changed.key, to: nil) }
                        current.put(recipe)
                    }
                    changes.add(1, ordering: .releasing)
                }
            }
            return (recipe, changed, PendingWrite(ticket: ticket, log: log))
        }
    }

    /// A name for a new tag that gives none: the image URI's tag when it is a free version name, else `v1`, `v2`, …
    public static func versionName(for uri: String, in spec: ImageSpec) -> String {
        let taken = Set(spec.versions.map(\.name))
        let afterSlash = uri.split(separator: "/").last.map(String.init) ?? uri
        if let colon = afterSlash.lastIndex(of: ":") {
            let tag = String(afterSlash[afterSlash.index(after: colon)...].prefix { $0 != "@" })
            if RecipeName.isValid(tag), tag.count <= FieldLimits.name, !taken.contains(tag) { return tag }
        }
        return (1...).lazy.map { "v\($0)" }.first { !taken.contains($0) } ?? "v"
    }

    /// A new version (tag) of the image, with a new id and the tenant's time.
    public func newVersion(of image: Recipe, name: String, uri: String, description: String?) -> ImageVersion {
        ImageVersion(
            id: ids.partID(of: image.id, named: name), name: name, imageURI: uri, description: description,
            archived: false, buildData: nil, createdAt: clock.now().wholeSeconds
        )
    }

    /// What the installation's rules say of an image URI given at `path` (README "Image references"): the warnings
    /// to send, or, under `--strict`, a 422 naming the path.
    public func review(imageURI uri: String, path: String) throws(DomainError) -> [String] {
        let objections = ImageURIPolicy.objections(to: uri)
        guard settings.strictImageURIs, !objections.isEmpty else { return objections.map { "\(path): \($0)" } }
        var issues = ValidationIssues()
        for objection in objections { issues.add(path, objection) }
        throw .invalid(issues)
    }
}
