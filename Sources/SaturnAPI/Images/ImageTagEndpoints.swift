import MicroHTTP
import SaturnDomain
import SaturnJSON

/// `/api/images/{image_id}/tags`: an image's versions, as Saturn's image tags.
enum ImageTagEndpoints {
    /// `GET /api/images/{image_id}/tags`: in the image's order, filtered, paged by the last tag's id.
    static func list(_ context: RequestContext) throws -> Answer {
        let view = context.tenant.view()
        let image = try view.image(id: context.parameter("image_id"), caller: context.caller())
        var reader = QueryReader(context.request)
        let version = reader.value("version")
        let uri = reader.value("image_uri")
        let external = reader.value("is_external").map { _ in reader.bool("is_external") }
        let archived = reader.value("archived").map { _ in reader.bool("archived") }
        let status = reader.oneOf("status", ["built", "building", "error", "pending", "stopping"])
        let pageSize = reader.integer("page_size", in: 1...1000, default: 100)
        let after = reader.value("next_key").map(RecordID.init)
        let before = reader.value("prev_key").map(RecordID.init)
        let descending = reader.bool("descending")
        guard case var .image(spec) = image.spec else { throw DomainError.imageNotFound(id: image.id.description) }
        if descending { spec.versions.reverse() }
        let shown = spec.versions.filter { tag in
            (version.map { tag.name.contains($0) } ?? true) && (uri.map { tag.imageURI == $0 } ?? true)
                && external != false && (archived.map { tag.archived == $0 } ?? true) && (status.map { $0 == "built" } ?? true)
        }
        for (name, cursor) in [("next_key", after), ("prev_key", before)] where cursor.map({ id in !shown.contains { $0.id == id } }) == true {
            reader.issues.add(name, "is not a page key this server issued; pass back next_key or prev_key unchanged")
        }
        try reader.finish()
        let page = TagPage(shown, pageSize: pageSize, after: after, before: before)
        let wireImage = WireImage(image, directory: view.directory)
        return .now(JSONResponse.make(200, WirePage(
            itemsKey: "image_tags", items: page.tags.map { WireImageTag(image: wireImage, version: $0) },
            prevKey: page.previousCursor, nextKey: page.nextCursor
        )))
    }

    /// `GET /api/images/{image_id}/tags/{image_tag_id}`.
    static func get(_ context: RequestContext) throws -> Answer {
        let view = context.tenant.view()
        let (image, version) = try view.imageTag(imageID: context.parameter("image_id"), tagID: context.parameter("image_tag_id"), caller: context.caller())
        return .now(JSONResponse.make(200, WireImageTag(image: WireImage(image, directory: view.directory), version: version)))
    }

    /// `POST /api/images/{image_id}/tags`: an external image (`ImageTagCreateExternal`). Its URI is checked as an
    /// apply checks one; with no version, one is named after the URI's tag.
    static func create(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let body = try ObjectBody(context, allowed: ["image_uri", "version", "description", "build_data"])
        var issues = body.issues
        let fields = body.fields
        if fields?.values["build_data"] != nil || (fields != nil && fields?.values["image_uri"] == nil) {
            issues.add("image_uri", "is required: saturn-mock imports existing images only, it does not build them")
        }
        let uri = fields?.values["image_uri"] == nil ? nil : fields?.imageURI("image_uri", issues: &issues)
        let version = fields.flatMap { $0.string("version", issues: &issues)?.isEmpty == false ? $0.recipeName("version", issues: &issues) : nil }
        let description = fields?.string("description", issues: &issues)
        guard issues.isEmpty, let uri else { throw DomainError.invalid(issues) }
        let added = try context.tenant.addTag(imageID: context.parameter("image_id"), caller: caller, TagDraft(imageURI: uri, version: version, description: description))
        return tagAnswer(added, status: 201, context)
    }

    /// `PATCH /api/images/{image_id}/tags/{image_tag_id}`: description, version (a rename) and archived.
    static func update(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let body = try ObjectBody(context, allowed: ["description", "version", "archived"])
        var issues = body.issues
        let fields = body.fields
        var edit = TagEdit()
        edit.description = fields?.string("description", issues: &issues)
        edit.version = fields?.values["version"] == nil ? nil : fields?.recipeName("version", issues: &issues)
        edit.archived = fields?.bool("archived", issues: &issues)
        try issues.throwIfAny()
        let edited = try context.tenant.editTag(imageID: context.parameter("image_id"), tagID: context.parameter("image_tag_id"), caller: caller, edit)
        return tagAnswer(edited, status: 200, context)
    }

    /// `DELETE /api/images/{image_id}/tags/{image_tag_id}`.
    static func delete(_ context: RequestContext) throws -> Answer {
        let deleted = try context.tenant.deleteTag(imageID: context.parameter("image_id"), tagID: context.parameter("image_tag_id"), caller: context.caller())
        return .whenDurable(deleted.commit, success: JSONResponse.noContent(), changes: [RecordedChange.of(deleted.value, action: "updated")])
    }

    /// The tag as it is now, once the commit is durable, with the URI policy's warnings.
    private static func tagAnswer(_ committed: Committed<TagChange>, status: Int, _ context: RequestContext) -> Answer {
        let tagged = committed.value
        let tag = WireImageTag(image: WireImage(tagged.change.current, directory: context.tenant.directory), version: tagged.tag)
        return .whenDurable(
            committed.commit, success: JSONResponse.make(status, tag, headers: RecipeEndpoints.warningHeaders(tagged.warnings)),
            changes: [RecordedChange.of(tagged.change, action: "updated")]
        )
    }
}
