import FoundationEssentials

/// A recipe as a request gives it, after its type's reader validated it.
public enum RecipeDraft: Equatable, Sendable {
    case image(ImageDraft)

    /// The type the draft writes.
    public var type: RecipeType {
        switch self {
        case .image: return .image
        }
    }

    /// The JSON path of the recipe in the request, for error messages (`images[1]`, `spec`).
    public var path: String {
        switch self {
        case let .image(image): return image.path
        }
    }

    /// `spec.name`.
    public var name: String {
        switch self {
        case let .image(image): return image.name
        }
    }

    /// The owner the request names, if any.
    public var owner: OwnerReference? {
        switch self {
        case let .image(image): return image.owner
        }
    }

    /// What the installation's rules say of the draft beyond its shape: problems refuse it, warnings go out as
    /// `Warning` headers.
    func review(strict: Bool, issues: inout ValidationIssues, warnings: inout [String]) {
        switch self {
        case let .image(image):
            for version in image.versions {
                for objection in ImageURIPolicy.objections(to: version.imageURI) {
                    if strict {
                        issues.add("\(version.path).image_uri", objection)
                    } else {
                        warnings.append("\(version.path).image_uri: \(objection)")
                    }
                }
            }
        }
    }

    /// The spec after merging the draft onto what is stored (nil for a new recipe), and what happened to each
    /// part that has its own id (an image's versions); `partID` gives a new part its id, by the part's name, and
    /// `now` its creation time.
    func merged(onto stored: RecipeSpec?, now: Date, partID: (String) -> String) -> (spec: RecipeSpec, partActions: [String: ApplyAction]) {
        switch self {
        case let .image(image):
            var storedImage: ImageSpec?
            if case let .image(spec)? = stored { storedImage = spec }
            let merge = ImageMerge.merge(image, onto: storedImage, now: now, versionID: partID)
            return (.image(merge.spec), merge.versionActions)
        }
    }
}
