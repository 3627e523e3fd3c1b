import SaturnDomain
import SaturnJSON

/// What the resources of one answer have in common, rendered once: a page of 100 jobs of one owner running one
/// image repeats the same owner and image tag 100 times, and rendering them was most of the page's cost.
final class SharedRenderings {
    private var owners: [OwnerPath: [UInt8]] = [:]
    private var imageTags: [RecordID: [UInt8]] = [:]

    /// Writes the owner object, rendering it the first time.
    func owner(_ owner: OwnerPath, to json: inout JSONOutput, render: () -> WireOwner) {
        let rendered = owners[owner] ?? render().jsonBytes
        owners[owner] = rendered
        json.json(rendered)
    }

    /// Writes the image tag of a version id (null for a version that is gone), rendering it the first time.
    func imageTag(_ versionID: RecordID, to json: inout JSONOutput, render: () -> WireImageTag?) {
        let rendered = imageTags[versionID] ?? (render()?.jsonBytes ?? Array("null".utf8))
        imageTags[versionID] = rendered
        json.json(rendered)
    }
}
