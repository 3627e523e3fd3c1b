import Foundation
import Testing
@testable import SaturnDomain

@Suite("Version merging")
struct ImageMergeTests {
    static let before = Date(timeIntervalSince1970: 1_700_000_000)
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    func stored() -> ImageSpec {
        ImageSpec(
            description: "kept", hardwareType: .nvidia, supports: ["dask"], access: .owner,
            versions: [
                ImageVersion(id: RecordID("v1-id"), name: "v1", imageURI: "repo/saturn:1", description: "first", archived: false, buildData: nil, createdAt: Self.before),
                ImageVersion(id: RecordID("v2-id"), name: "v2", imageURI: "repo/saturn:2", description: nil, archived: false, buildData: nil, createdAt: Self.before),
            ]
        )
    }

    /// The merge, with the actions keyed by the ids' text.
    func merge(_ draft: ImageDraft, onto spec: ImageSpec?) -> (spec: ImageSpec, versionActions: [String: ApplyAction]) {
        var counter = 0
        let merged = ImageMerge.merge(draft, onto: spec, now: Self.now) { _ in
            counter += 1
            return RecordID("new-\(counter)")
        }
        return (merged.spec, Dictionary(uniqueKeysWithValues: merged.versionActions.map { ($0.key.description, $0.value) }))
    }

    @Test("a new image gets version ids, defaults and created everywhere")
    func newImage() {
        let result = merge(Fixtures.draft(versions: [("v1", "repo/saturn:1")]), onto: nil)
        #expect(result.spec.access == .org)
        #expect(result.spec.hardwareType == .cpu)
        #expect(result.spec.description == "")
        #expect(result.spec.versions.map(\.id.description) == ["new-1"])
        #expect(result.spec.versions.map(\.createdAt) == [Self.now])
        #expect(result.versionActions == ["new-1": .created])
    }

    @Test("an identical version is unchanged and keeps its id")
    func identical() {
        let result = merge(Fixtures.draft(versions: [("v1", "repo/saturn:1")]), onto: stored())
        #expect(result.spec == stored())
        #expect(result.versionActions == ["v1-id": .unchanged, "v2-id": .unchanged])
    }

    @Test("a changed version is updated in place with the same id")
    func changed() {
        let result = merge(Fixtures.draft(versions: [("v2", "repo/saturn:2b")]), onto: stored())
        #expect(result.spec.versions[1] == ImageVersion(id: RecordID("v2-id"), name: "v2", imageURI: "repo/saturn:2b", description: nil, archived: false, buildData: nil, createdAt: Self.before))
        #expect(result.versionActions == ["v1-id": .unchanged, "v2-id": .updated])
    }

    @Test("a new version is appended; versions the body omits are kept")
    func newVersionAndOmitted() {
        let result = merge(Fixtures.draft(versions: [("v3", "repo/saturn:3")]), onto: stored())
        #expect(result.spec.versions.map(\.name) == ["v1", "v2", "v3"])
        #expect(result.versionActions == ["v1-id": .unchanged, "v2-id": .unchanged, "new-1": .created])
    }

    @Test("fields left out keep their stored value; fields given replace it")
    func fieldMerge() {
        var draft = Fixtures.draft(versions: [])
        draft.hardwareType = .amd
        let result = merge(draft, onto: stored())
        #expect(result.spec.hardwareType == .amd)
        #expect(result.spec.description == "kept")
        #expect(result.spec.access == .owner)
        #expect(result.spec.supports == ["dask"])
    }

    @Test("a version's omitted description stays; a given one replaces it")
    func versionFieldMerge() {
        var draft = Fixtures.draft(versions: [("v1", "repo/saturn:1")])
        #expect(merge(draft, onto: stored()).spec.versions[0].description == "first")
        draft.versions[0].description = "second"
        #expect(merge(draft, onto: stored()).spec.versions[0].description == "second")
    }
}
