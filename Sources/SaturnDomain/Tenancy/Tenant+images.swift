/// Saturn's images REST API (`/api/images`, `/api/images/{id}/tags`) on the same recipes, ids and transactions as
/// image recipes: an image is an image recipe, a tag is one of its versions.
extension Tenant {
    /// `PATCH /api/images/{id}`: the given fields replace the image's; a new name renames it, keeping its id.
    public func editImage(id: String, caller: User, _ edit: ImageEdit) throws(DomainError) -> Committed<RecipeChange> {
        try run { view throws(DomainError) in
            let image = try view.image(id: id, caller: caller)
            guard case var .image(spec) = image.spec else { throw .imageNotFound(id: id) }
            if let description = edit.description { spec.description = description }
            if let hardwareType = edit.hardwareType { spec.hardwareType = hardwareType }
            if let supports = edit.supports { spec.supports = supports }
            if let access = edit.access { spec.access = access }
            var edited = image
            edited.name = edit.name ?? image.name
            edited.spec = .image(spec)
            return try view.deciding(RecipeChange(before: image, after: edited), by: caller)
        }
    }

    /// `DELETE /api/images/{id}`: the image and every version of it, unless a resource runs one.
    public func deleteImage(id: String, caller: User) throws(DomainError) -> Committed<RecipeChange> {
        try run { view throws(DomainError) in
            try view.deciding(RecipeChange(before: try view.image(id: id, caller: caller), after: nil), by: caller)
        }
    }

    /// `POST /api/images/{id}/tags`: a new version of the image, its URI checked as an apply checks one, its name
    /// the draft's or made from the URI; a name the image has already is a conflict.
    public func addTag(imageID: String, caller: User, _ draft: TagDraft) throws(DomainError) -> Committed<TagChange> {
        var issues = ValidationIssues()
        var warnings: [String] = []
        ImageURIPolicy.review(draft.imageURI, at: "image_uri", settings: settings, issues: &issues, warnings: &warnings)
        try issues.throwIfAny()
        return try run { view throws(DomainError) in
            let image = try view.image(id: imageID, caller: caller)
            guard case var .image(spec) = image.spec else { throw .imageNotFound(id: imageID) }
            let name = draft.version ?? Self.versionName(for: draft.imageURI, in: spec)
            guard !spec.versions.contains(where: { $0.name == name }) else { throw .imageTagExists(image: image.name, version: name) }
            let tag = ImageVersion(
                id: ids.partID(of: image.id, named: name), name: name, imageURI: draft.imageURI, description: draft.description,
                archived: false, buildData: nil, createdAt: view.now.wholeSeconds
            )
            spec.versions.append(tag)
            var tagged = image
            tagged.spec = .image(spec)
            let decided = try view.deciding(RecipeChange(before: image, after: tagged), by: caller)
            return (decided.write, TagChange(change: decided.result, tag: tag, warnings: warnings))
        }
    }

    /// `PATCH /api/images/{id}/tags/{tag_id}`: a rename (to a name the image has not), the description, archived.
    public func editTag(imageID: String, tagID: String, caller: User, _ edit: TagEdit) throws(DomainError) -> Committed<TagChange> {
        try run { view throws(DomainError) in
            let (image, tag) = try view.imageTag(imageID: imageID, tagID: tagID, caller: caller)
            guard case var .image(spec) = image.spec, let index = spec.versions.firstIndex(where: { $0.id == tag.id }) else {
                throw .imageTagNotFound(imageID: imageID, tagID: tagID)
            }
            if let version = edit.version, version != tag.name {
                guard !spec.versions.contains(where: { $0.name == version }) else { throw .imageTagExists(image: image.name, version: version) }
                spec.versions[index].name = version
            }
            if let description = edit.description { spec.versions[index].description = description }
            if let archived = edit.archived { spec.versions[index].archived = archived }
            var edited = image
            edited.spec = .image(spec)
            let decided = try view.deciding(RecipeChange(before: image, after: edited), by: caller)
            return (decided.write, TagChange(change: decided.result, tag: spec.versions[index], warnings: []))
        }
    }

    /// `DELETE /api/images/{id}/tags/{tag_id}`, unless a resource runs it.
    public func deleteTag(imageID: String, tagID: String, caller: User) throws(DomainError) -> Committed<RecipeChange> {
        try run { view throws(DomainError) in
            let (image, tag) = try view.imageTag(imageID: imageID, tagID: tagID, caller: caller)
            guard case var .image(spec) = image.spec else { throw .imageTagNotFound(imageID: imageID, tagID: tagID) }
            spec.versions.removeAll { $0.id == tag.id }
            var edited = image
            edited.spec = .image(spec)
            return try view.deciding(RecipeChange(before: image, after: edited), by: caller)
        }
    }

    /// A name for a new tag that gives none: the image URI's tag when it is a free version name, else `v1`, `v2`, …
    static func versionName(for uri: String, in spec: ImageSpec) -> String {
        let taken = Set(spec.versions.map(\.name))
        let afterSlash = uri.split(separator: "/").last.map(String.init) ?? uri
        if let colon = afterSlash.lastIndex(of: ":") {
            let tag = String(afterSlash[afterSlash.index(after: colon)...].prefix { $0 != "@" })
            if RecipeName.isValid(tag), tag.count <= FieldLimits.name, !taken.contains(tag) { return tag }
        }
        return (1...).lazy.map { "v\($0)" }.first { !taken.contains($0) } ?? "v"
    }
}
