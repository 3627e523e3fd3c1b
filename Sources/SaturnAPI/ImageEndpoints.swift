import MicroHTTP
import SaturnDomain
import SaturnJSON

/// `/api/images`: thin glue from Saturn's images REST API to the tenant's image recipes.
enum ImageEndpoints {
    /// `GET /api/images`: the images the caller may see, paged and filtered as `GET /api/recipes` is.
    static func list(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        var reader = QueryReader(context.request)
        var query = RecipeListQuery()
        query.type = .image
        query.nameContains = reader.value("name")
        query.owner = reader.owner()
        query.access = reader.oneOf("access", RecipeAccess.allCases.map(\.rawValue)).flatMap(RecipeAccess.init(rawValue:))
        query.supports = reader.value("supports")
        query.hardwareType = reader.oneOf("hardware_type", HardwareType.allCases.map(\.rawValue)).flatMap(HardwareType.init(rawValue:))
        let baseOnly = reader.bool("is_base")
        reader.page(into: &query)
        try reader.finish()
        // The mock imports images; none of them is a base image for builds.
        let page = baseOnly ? RecipePage(recipes: [], previousCursor: nil, nextCursor: nil) : try context.catalog.list(query, caller: caller)
        let directory = context.catalog.directory
        return .now(JSONResponse.make(200, WirePage(
            itemsKey: "images", items: page.recipes.map { WireImage($0, directory: directory) },
            prevKey: page.previousCursor, nextKey: page.nextCursor
        )))
    }

    /// `POST /api/images`: a new image with no versions; `access` is `owner` unless given, as the spec says.
    static func create(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let body = try ObjectBody(context, allowed: ["name", "owner", "description", "hardware_type", "supports", "access"])
        var issues = body.issues
        let fields = body.fields
        let name = fields?.recipeName("name", issues: &issues)
        let owner = fields.flatMap { ModernRecipeReader.ownerReference($0.values["owner"], path: "owner", issues: &issues) }
        let description = fields?.string("description", issues: &issues)
        let hardware = fields?.oneOf("hardware_type", HardwareType.allCases.map(\.rawValue), issues: &issues)
        let supports = fields?.strings("supports", issues: &issues)
        let access = fields?.oneOf("access", RecipeAccess.allCases.map(\.rawValue), issues: &issues)
        guard issues.isEmpty, let name else { throw DomainError.invalid(issues) }
        let draft = ImageDraft(
            path: "", name: name, owner: owner, description: description ?? "",
            hardwareType: hardware.flatMap(HardwareType.init(rawValue:)) ?? .cpu, supports: supports ?? [],
            access: access.flatMap(RecipeAccess.init(rawValue:)) ?? .owner, versions: []
        )
        let pending = try context.catalog.apply([.image(draft)], createOnly: true, caller: caller)
        let image = WireImage(pending.outcome.recipes[0].recipe, directory: context.catalog.directory)
        return .whenDurable(pending.write, success: JSONResponse.make(201, image), changes: RecordedChange.of(pending.outcome))
    }

    /// `GET /api/images/{image_id}`.
    static func get(_ context: RequestContext) throws -> Answer {
        let image = try context.catalog.image(id: context.parameter("image_id"), caller: context.caller())
        return .now(JSONResponse.make(200, WireImage(image, directory: context.catalog.directory)))
    }

    /// `PATCH /api/images/{image_id}`: given fields replace; a new name renames the image, keeping its id.
    static func update(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let body = try ObjectBody(context, allowed: ["name", "description", "hardware_type", "supports", "access"])
        var issues = body.issues
        let fields = body.fields
        let name = fields?.values["name"] == nil ? nil : fields?.recipeName("name", issues: &issues)
        let description = fields?.string("description", issues: &issues)
        let hardware = fields?.oneOf("hardware_type", HardwareType.allCases.map(\.rawValue), issues: &issues).flatMap(HardwareType.init(rawValue:))
        let supports = fields?.strings("supports", issues: &issues)
        let access = fields?.oneOf("access", RecipeAccess.allCases.map(\.rawValue), issues: &issues).flatMap(RecipeAccess.init(rawValue:))
        try issues.throwIfAny()
        let written = try context.catalog.writeImage(id: context.parameter("image_id"), caller: caller) { image, spec in
            var changed = image
            var edited = spec
            if let name { changed.name = name }
            if let description { edited.description = description }
            if let hardware { edited.hardwareType = hardware }
            if let supports { edited.supports = supports }
            if let access { edited.access = access }
            changed.spec = .image(edited)
            return changed
        }
        let after = written.after ?? written.before
        return .whenDurable(
            written.write, success: JSONResponse.make(200, WireImage(after, directory: context.catalog.directory)),
            changes: [RecordedChange.of(written, action: "updated")]
        )
    }

    /// `DELETE /api/images/{image_id}`: the image and every version of it.
    static func delete(_ context: RequestContext) throws -> Answer {
        let written = try context.catalog.writeImage(id: context.parameter("image_id"), caller: context.caller()) { _, _ in nil }
        return .whenDurable(written.write, success: JSONResponse.noContent(), changes: [RecordedChange.of(written, action: "deleted")])
    }
}
