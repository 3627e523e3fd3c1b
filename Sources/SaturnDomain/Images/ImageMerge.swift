import FoundationEssentials

/// The merge rule of an image (README "Merging"): given fields replace, omitted fields keep, versions merge by name.
enum ImageMerge {
    /// The image after the draft is applied onto `stored` (nil for a new image), and each version's action by id;
    /// versions the draft did not name are `unchanged`. `versionID` gives a new version its id, by its name; `now`
    /// its creation time.
    static func merge(
        _ draft: ImageDraft, onto stored: ImageSpec?, now: Date, versionID: (String) -> RecordID
    ) -> (spec: ImageSpec, versionActions: [RecordID: ApplyAction]) {
        var image = stored ?? ImageSpec(description: "", hardwareType: .cpu, supports: nil, access: .org, versions: [])
        if let description = draft.description { image.description = description }
        if let hardware = draft.hardwareType { image.hardwareType = hardware }
        if let supports = draft.supports { image.supports = supports }
        if let access = draft.access { image.access = access }

        var versionActions = Dictionary(uniqueKeysWithValues: image.versions.map { ($0.id, ApplyAction.unchanged) })
        for versionDraft in draft.versions {
            if let index = image.versions.firstIndex(where: { $0.name == versionDraft.name }) {
                let before = image.versions[index]
                let after = merged(versionDraft, onto: before)
                image.versions[index] = after
                versionActions[after.id] = after == before ? .unchanged : .updated
            } else {
                let created = merged(versionDraft, onto: ImageVersion(
                    id: versionID(versionDraft.name), name: versionDraft.name, imageURI: versionDraft.imageURI,
                    description: nil, archived: false, buildData: nil, createdAt: now
                ))
                image.versions.append(created)
                versionActions[created.id] = .created
            }
        }
        return (image, versionActions)
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
