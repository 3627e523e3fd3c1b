import MicroHTTP
import SaturnDomain
import SaturnJSON

/// `/api/images/{image_id}/tags`: an image's versions, as Saturn's image tags.
enum ImageTagEndpoints {
    /// `GET /api/images/{image_id}/tags`: in the image's order, filtered, paged by the last tag's id.
    static func list(_ context: RequestContext) throws -> Answer {
        let image = try context.catalog.image(id: context.parameter("image_id"), caller: context.caller())
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
        let wireImage = WireImage(image, directory: context.catalog.directory)
        return .now(JSONResponse.make(200, WirePage(
            itemsKey: "image_tags", items: page.tags.map { WireImageTag(image: wireImage, version: $0) },
            prevKey: page.previousCursor, nextKey: page.nextCursor
        )))
    }

    /// `GET /api/images/{image_id}/tags/{image_tag_id}`.
    static func get(_ context: RequestContext) throws -> Answer {
        let (image, version) = try context.catalog.imageTag(
            imageID: context.parameter("image_id"), tagID: context.parameter("image_tag_id"), caller: context.caller()
        )
        return .now(JSONResponse.make(200, WireImageTag(image: WireImage(image, directory: context.catalog.directory), version: version)))
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
        let givenVersion = fields.flatMap { $0.string("version", issues: &issues)?.isEmpty == false ? $0.recipeName("version", issues: &issues) : nil }
        let description = fields?.string("description", issues: &issues)
        guard issues.isEmpty, let uri else { throw DomainError.invalid(issues) }
        let warnings = try context.catalog.review(imageURI: uri, path: "image_uri")
        var created: ImageVersion?
        let written = try context.catalog.writeImage(id: context.parameter("image_id"), caller: caller) { image, spec throws(DomainError) in
            let name = givenVersion ?? RecipeCatalog.versionName(for: uri, in: spec)
            guard !spec.versions.contains(where: { $0.name == name }) else { throw .imageTagExists(image: image.name, version: name) }
            let version = context.catalog.newVersion(of: image, name: name, uri: uri, description: description)
            created = version
            var changed = image
            var edited = spec
            edited.versions.append(version)
            changed.spec = .image(edited)
            return changed
        }
        guard let image = written.after, let created else { throw DomainError.imageNotFound(id: written.before.id.description) }
        let tag = WireImageTag(image: WireImage(image, directory: context.catalog.directory), version: created)
        return .whenDurable(
            written.write, success: JSONResponse.make(201, tag, headers: RecipeEndpoints.warningHeaders(warnings)),
            changes: [RecordedChange.of(written, action: "updated")]
        )
    }

    /// `PATCH /api/images/{image_id}/tags/{image_tag_id}`: description, version (a rename) and archived.
    static func update(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let body = try ObjectBody(context, allowed: ["description", "version", "archived"])
        var issues = body.issues
        let fields = body.fields
        let description = fields?.string("description", issues: &issues)
        let version = fields?.values["version"] == nil ? nil : fields?.recipeName("version", issues: &issues)
        let archived = fields?.bool("archived", issues: &issues)
        try issues.throwIfAny()
        let tagID = RecordID(context.parameter("image_tag_id"))
        let written = try context.catalog.writeImage(id: context.parameter("image_id"), caller: caller) { image, spec throws(DomainError) in
            guard let index = spec.versions.firstIndex(where: { $0.id == tagID }) else {
                throw .imageTagNotFound(imageID: image.id.description, tagID: tagID.description)
            }
            var edited = spec
            if let version, version != spec.versions[index].name {
                guard !spec.versions.contains(where: { $0.name == version }) else { throw .imageTagExists(image: image.name, version: version) }
                edited.versions[index].name = version
            }
            if let description { edited.versions[index].description = description }
            if let archived { edited.versions[index].archived = archived }
            var changed = image
            changed.spec = .image(edited)
            return changed
        }
        let image = written.after ?? written.before
        guard case let .image(spec) = image.spec, let tag = spec.versions.first(where: { $0.id == tagID }) else {
            throw DomainError.imageTagNotFound(imageID: image.id.description, tagID: tagID.description)
        }
        return .whenDurable(
            written.write, success: JSONResponse.make(200, WireImageTag(image: WireImage(image, directory: context.catalog.directory), version: tag)),
            changes: [RecordedChange.of(written, action: "updated")]
        )
    }

    /// `DELETE /api/images/{image_id}/tags/{image_tag_id}`.
    static func delete(_ context: RequestContext) throws -> Answer {
        let tagID = RecordID(context.parameter("image_tag_id"))
        let written = try context.catalog.writeImage(id: context.parameter("image_id"), caller: context.caller()) { image, spec throws(DomainError) in
            guard spec.versions.contains(where: { $0.id == tagID }) else {
                throw .imageTagNotFound(imageID: image.id.description, tagID: tagID.description)
            }
            var edited = spec
            edited.versions.removeAll { $0.id == tagID }
            var changed = image
            changed.spec = .image(edited)
            return changed
        }
        return .whenDurable(written.write, success: JSONResponse.noContent(), changes: [RecordedChange.of(written, action: "updated")])
    }
}

/// One page of an image's tags: `page_size` after (or before) the tag whose id the cursor is.
struct TagPage {
    let tags: [ImageVersion]
    let previousCursor: String?
    let nextCursor: String?

    init(_ shown: [ImageVersion], pageSize: Int, after: RecordID?, before: RecordID?) {
        var start = after.flatMap { id in shown.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0
        var end = min(shown.count, start + pageSize)
        if let before, let stop = shown.firstIndex(where: { $0.id == before }) {
            end = stop
            start = max(0, stop - pageSize)
        }
        tags = Array(shown[start..<end])
        previousCursor = start > 0 ? tags.first?.id.description : nil
        nextCursor = end < shown.count ? tags.last?.id.description : nil
    }
}
