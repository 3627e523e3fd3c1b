import Testing
@testable import SaturnDomain

@Suite("Legacy set validation and normalisation")
struct LegacySetReaderTests {
    @Test("each rule names the JSON path and the problem", arguments: [
        (#"{"images": [{"hardware_type": "cpu", "versions": [], "schema_version": "2022.04.01"}]}"#,
         "images[0].name", "is required"),
        (Fixtures.legacyImage(name: "bad name"), "images[0].name", "'bad name' must match ^[-a-zA-Z0-9.]+$ (letters, digits, '-' and '.')"),
        (#"{"images": [{"name": "x", "hardware_type": "tpu", "versions": [], "schema_version": "2022.04.01"}]}"#,
         "images[0].hardware_type", "must be one of 'cpu', 'gpu', not 'tpu'"),
        (#"{"images": [{"name": "x", "hardware_type": "cpu", "versions": [], "schema_version": "2021.01.01"}]}"#,
         "images[0].schema_version", "unsupported schema_version '2021.01.01'; accepted: 2022.03.01, 2022.04.01, 2022.05.01, 2022.06.01, 2022.07.01, 2022.08.01"),
        (#"{"images": [], "schema_version": "2030.01.01"}"#,
         "schema_version", "unsupported schema_version '2030.01.01'; accepted: 2022.03.01, 2022.04.01, 2022.05.01, 2022.06.01, 2022.07.01, 2022.08.01"),
        (Fixtures.legacyImage(versions: #"[{"name": "v1"}]"#), "images[0].versions[0].image_uri", "is required"),
        (Fixtures.legacyImage(versions: #"[{"name": "v1", "image_uri": null}]"#), "images[0].versions[0].image_uri",
         "is null, which asks Saturn to build the image; saturn-mock imports existing images only, so give the image's URI"),
        (Fixtures.legacyImage(versions: #"[{"name": "v1", "image_uri": ""}]"#), "images[0].versions[0].image_uri", "must not be empty"),
        (Fixtures.legacyImage(versions: #"[{"name": "v1", "image_uri": 7}]"#), "images[0].versions[0].image_uri", "must be a string, not a number"),
        (Fixtures.legacyImage(versions: #"[{"name": "v1", "image_uri": "repo:1\r\n X-Evil: 1"}]"#), "images[0].versions[0].image_uri",
         "contains the control character U+000D at character 7; an image reference is printable ASCII"),
        (Fixtures.legacyImage(extra: #", "description": "\#(String(repeating: "d", count: 4_097))""#), "images[0].description",
         "is 4097 characters long; at most 4096 are allowed"),
        (Fixtures.legacyImage(versions: #"[{"name": "v1", "image_uri": "a"}, {"name": "v1", "image_uri": "b"}]"#),
         "images[0].versions[1].name", "version 'v1' is given more than once"),
        (Fixtures.legacyImage(versions: #"[{"name": "v1", "image_uri": "a", "tag": "x"}]"#),
         "images[0].versions[0].tag", "unknown field (allowed: archived, build_data, description, image_uri, name)"),
        (Fixtures.legacyImage(versions: #"[{"name": "v1", "image_uri": "a", "build_data": {"pip_requirements": "x"}}]"#),
         "images[0].versions[0].build_data.base_image_uri", "is required"),
        (Fixtures.legacyImage(extra: #", "visibility": "account""#), "images[0].visibility",
         "'account' needs schema_version 2022.08.01 or later (this image says 2022.04.01)"),
        (Fixtures.legacyImage(extra: #", "visibility": "public""#), "images[0].visibility", "must be one of 'account', 'org', 'owner', not 'public'"),
        (Fixtures.legacyImage(extra: #", "supports": ["vscode"]"#), "images[0].supports[0]",
         "must be one of 'rstudio-opensource', 'rstudio-workbench', 'jupyterlab', 'dask', not 'vscode'"),
        (Fixtures.legacyImage(extra: #", "owner": "Not/Valid""#), "images[0].owner",
         "'Not/Valid' is not an owner of the form org/identity (lowercase letters, digits and single inner hyphens, at most 39 characters)"),
        (#"{"images": [], "resources": [{"name": "r"}]}"#, "resources", "saturn-mock imports images only; resources in a set are not supported"),
        (#"{"images": [], "extra": 1}"#, "extra", "unknown field (allowed: description, images, name, resources, schema_version, templates)"),
        (#"{"name": "only a name"}"#, "images", "is required"),
        (#"[1, 2]"#, "(body)", "must be an object, not an array"),
    ])
    func rule(body: String, path: String, problem: String) throws {
        let error = #expect(throws: DomainError.self) { try LegacySetReader.read(Fixtures.json(body)) }
        #expect(error?.problems?[path] == [problem])
    }

    @Test("the same image twice in one set is refused")
    func duplicateImage() throws {
        let body = #"{"images": [\#(image("a")), \#(image("a"))]}"#
        let error = #expect(throws: DomainError.self) { try LegacySetReader.read(Fixtures.json(body)) }
        #expect(error?.problems?["images[1].name"] == ["image 'a' is given more than once in this set"])
    }

    @Test("every problem of every image is reported at once")
    func allProblems() throws {
        let body = #"{"images": [{"name": "x y"}, {"name": "ok", "hardware_type": "cpu", "versions": 3, "schema_version": "2022.04.01"}]}"#
        let error = #expect(throws: DomainError.self) { try LegacySetReader.read(Fixtures.json(body)) }
        #expect(Set(error?.problems?.keys.map { $0 } ?? []) == [
            "images[0].name", "images[0].hardware_type", "images[0].versions", "images[0].schema_version", "images[1].versions",
        ])
    }

    @Test("legacy fields map to the modern shape")
    func normalisation() throws {
        let body = """
            {"images": [{"name": "gpu-image", "hardware_type": "gpu", "visibility": "account", "owner": "bob",
              "description": "d", "supports": ["dask"], "schema_version": "2022.08.01",
              "versions": [{"name": "v1", "image_uri": "repo/x:1", "archived": true, "description": "first",
                            "build_data": {"base_image_uri": "base", "use_mamba": false}}]}]}
            """
        let drafts = try LegacySetReader.read(Fixtures.json(body))
        #expect(drafts == [ImageDraft(
            path: "images[0]", name: "gpu-image", owner: .path("bob"), description: "d", hardwareType: .nvidia,
            supports: ["dask"], access: .account,
            versions: [VersionDraft(path: "images[0].versions[0]", name: "v1", imageURI: "repo/x:1", description: "first",
                                    archived: true, buildData: ["base_image_uri": "base", "use_mamba": "false"])]
        )])
    }

    @Test("cpu becomes CPU and a missing visibility is left to the catalog's default")
    func cpuDefaults() throws {
        let drafts = try LegacySetReader.read(Fixtures.json(Fixtures.legacyImage()))
        #expect(drafts.first?.hardwareType == .cpu)
        #expect(drafts.first?.access == nil)
    }

    private func image(_ name: String) -> String {
        #"{"name": "\#(name)", "hardware_type": "cpu", "versions": [], "schema_version": "2022.04.01"}"#
    }
}
