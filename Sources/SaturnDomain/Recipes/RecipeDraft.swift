/// A recipe as a request gives it, after its type's reader validated it.
public enum RecipeDraft: Equatable, Sendable {
    case image(ImageDraft)
    case resource(ResourceDraft)

    /// The type the draft writes.
    public var type: RecipeType {
        switch self {
        case .image: return .image
        case let .resource(resource): return resource.kind.recipeType
        }
    }

    /// The JSON path of the recipe in the request, for error messages (`images[1]`, `spec`).
    public var path: String {
        switch self {
        case let .image(image): return image.path
        case let .resource(resource): return resource.path
        }
    }

    /// `spec.name`.
    public var name: String {
        switch self {
        case let .image(image): return image.name
        case let .resource(resource): return resource.name
        }
    }

    /// The owner the request names, if any.
    public var owner: OwnerReference? {
        switch self {
        case let .image(image): return image.owner
        case let .resource(resource): return resource.owner
        }
    }

    /// What the installation's rules say of an image draft's URIs: problems refuse it, warnings go out as `Warning`
    /// headers. A resource's image was imported already; whether it can be pulled shows when it starts.
    func review(settings: TenantSettings, issues: inout ValidationIssues, warnings: inout [String]) {
        guard case let .image(image) = self else { return }
        for version in image.versions {
            ImageURIPolicy.review(version.imageURI, at: "\(version.path).image_uri", settings: settings, issues: &issues, warnings: &warnings)
        }
    }
}
