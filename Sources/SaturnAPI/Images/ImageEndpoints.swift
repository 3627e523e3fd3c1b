import MicroHTTP
import SaturnDomain
import SaturnJSON

/// `/api/images`: thin glue from Saturn's images REST API to the tenant's image commands and views.
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
        let view = context.tenant.view()
        let page = baseOnly ? RecipePage(recipes: [], previousCursor: nil, nextCursor: nil) : try view.list(query, caller: caller)
        let directory = view.directory
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
        let applied = try context.tenant.apply([.image(draft)], createOnly: true, caller: caller)
        let image = WireImage(applied.value.recipes[0].recipe, directory: context.tenant.directory)
        return .whenDurable(applied.commit, success: JSONResponse.make(201, image), changes: RecordedChange.of(applied.value))
    }

    /// `GET /api/images/{image_id}`.
    static func get(_ context: RequestContext) throws -> Answer {
        let view = context.tenant.view()
        let image = try view.image(id: context.parameter("image_id"), caller: context.caller())
        return .now(JSONResponse.make(200, WireImage(image, directory: view.directory)))
    }

    /// `PATCH /api/images/{image_id}`: given fields replace; a new name renames the image, keeping its id.
    static func update(_ context: RequestContext) throws -> Answer {
        let caller = try context.caller()
        let body = try ObjectBody(context, allowed: ["name", "description", "hardware_type", "supports", "access"])
        var issues = body.issues
        let fields = body.fields
        var edit = ImageEdit()
        edit.name = fields?.values["name"] == nil ? nil : fields?.recipeName("name", issues: &issues)
        edit.description = fields?.string("description", issues: &issues)
        edit.hardwareType = fields?.oneOf("hardware_type", HardwareType.allCases.map(\.rawValue), issues: &issues).flatMap(HardwareType.init(rawValue:))
        edit.supports = fields?.strings("supports", issues: &issues)
        edit.access = fields?.oneOf("access", RecipeAccess.allCases.map(\.rawValue), issues: &issues).flatMap(RecipeAccess.init(rawValue:))
        try issues.throwIfAny()
        let edited = try context.tenant.editImage(id: context.parameter("image_id"), caller: caller, edit)
        return .whenDurable(
            edited.commit, success: JSONResponse.make(200, WireImage(edited.value.current, directory: context.tenant.directory)),
            changes: [RecordedChange.of(edited.value, action: "updated")]
        )
    }

    /// `DELETE /api/images/{image_id}`: the image and every version of it.
    static func delete(_ context: RequestContext) throws -> Answer {
        let deleted = try context.tenant.deleteImage(id: context.parameter("image_id"), caller: context.caller())
        return .whenDurable(deleted.commit, success: JSONResponse.noContent(), changes: [RecordedChange.of(deleted.value, action: "deleted")])
    }
}
