/// What an apply did to an image or a version.
public enum ApplyAction: String, Sendable {
    case created
    case updated
    case unchanged
}

/// An image after an apply, with what the apply did to it and to each of its versions.
public struct AppliedImage: Equatable, Sendable {
    public let recipe: ImageRecipe
    public let action: ApplyAction
    /// The action of each version, by version id; versions the body did not name are `unchanged`.
    public let versionActions: [String: ApplyAction]
}

/// The merge rule of CONTRACT "Apply semantics": given fields replace, omitted fields keep, versions merge by name.
enum ImageMerge {
    static func merge(_ draft: ImageDraft, owner: OwnerPath, onto stored: ImageRecipe?, newID: () -> String) -> AppliedImage {
        var recipe = stored ?? ImageRecipe(
            id: newID(), owner: owner, name: draft.name, description: "", hardwareType: .cpu,
            supports: nil, access: .org, versions: []
        )
        if let description = draft.description { recipe.description = description }
        if let hardware = draft.hardwareType { recipe.hardwareType = hardware }
        if let supports = draft.supports { recipe.supports = supports }
        if let access = draft.access { recipe.access = access }

        var versionActions = Dictionary(uniqueKeysWithValues: recipe.versions.map { ($0.id, ApplyAction.unchanged) })
        for versionDraft in draft.versions {
            if let index = recipe.versions.firstIndex(where: { $0.name == versionDraft.name }) {
                let before = recipe.versions[index]
                let after = merged(versionDraft, onto: before)
                recipe.versions[index] = after
                versionActions[after.id] = after == before ? .unchanged : .updated
            } else {
                let created = merged(versionDraft, onto: ImageVersion(
                    id: newID(), name: versionDraft.name, imageURI: versionDraft.imageURI,
                    description: nil, archived: false, buildData: nil
                ))
                recipe.versions.append(created)
                versionActions[created.id] = .created
            }
        }

        let action: ApplyAction
        if stored == nil {
            action = .created
        } else if recipe != stored {
            action = .updated
        } else {
            action = .unchanged
        }
        return AppliedImage(recipe: recipe, action: action, versionActions: versionActions)
    }

    private static func merged(_ draft: VersionDraft, onto version: ImageVersion) -> ImageVersion {
        var result = version
        result.imageURI = draft.imageURI
        if let description = draft.description { result.description = description }
        if let archived = draft.archived { result.archived = archived }
        if let buildData = draft.buildData { result.buildData = buildData }
        return result
    }
}
