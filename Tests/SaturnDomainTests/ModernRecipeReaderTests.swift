import Testing
@testable import SaturnDomain

@Suite("Modern recipe validation")
struct ModernRecipeReaderTests {
    static func recipe(spec: String, type: String = "image", extra: String = "") -> String {
        #"{"type": "\#(type)", "spec": \#(spec)\#(extra)}"#
    }

    @Test("each rule names the JSON path and the problem", arguments: [
        (#"{"spec": {"name": "x"}}"#, "type", "is required"),
        (recipe(spec: #"{"name": "x"}"#, type: "job"), "type", "saturn-mock applies image recipes only; 'job' recipes are not supported"),
        (recipe(spec: #"{"name": "x"}"#, type: "banana"), "type", "must be one of 'deployment', 'image', 'job', 'workspace', not 'banana'"),
        (#"{"type": "image"}"#, "spec", "is required"),
        (recipe(spec: #"{}"#), "spec.name", "is required"),
        (recipe(spec: #"{"name": "x", "hardware_type": "cpu"}"#), "spec.hardware_type", "must be one of 'CPU', 'NVIDIA', 'AMD', not 'cpu'"),
        (recipe(spec: #"{"name": "x", "access": "everyone"}"#), "spec.access", "must be one of 'account', 'org', 'owner', not 'everyone'"),
        (recipe(spec: #"{"name": "x", "versions": [{"name": "v1"}]}"#), "spec.versions[0].image_uri", "is required"),
        (recipe(spec: #"{"name": "x", "versions": [{"name": "v1", "image_uri": "u", "build_data": {"k": 1}}]}"#),
         "spec.versions[0].build_data.k", "must be a string, not a number"),
        (recipe(spec: #"{"name": "x", "versions": [{"name": "v1", "image_uri": "u", "archived": "yes"}]}"#),
         "spec.versions[0].archived", "must be a boolean, not a string"),
        (recipe(spec: #"{"name": "x", "owner": 3}"#), "spec.owner", "must be a string or an object, not a number"),
        (recipe(spec: #"{"name": "x", "owner": {"name": "a/b", "id": "1"}}"#), "spec.owner",
         "must be \"org/identity\" or an object with exactly one string field of name, id, user_id, group_id, org_id"),
        (recipe(spec: #"{"name": "x", "colour": "red"}"#), "spec.colour",
         "unknown field (allowed: access, description, hardware_type, name, owner, supports, versions)"),
        (recipe(spec: #"{"name": "x"}"#, extra: #", "schema_version": "2020.01.01""#), "schema_version",
         "unsupported schema_version '2020.01.01'; accepted: 2025.10.01"),
    ])
    func rule(body: String, path: String, problem: String) throws {
        let error = #expect(throws: DomainError.self) { try ModernRecipeReader.read(Fixtures.json(body), rejectUnknownFields: true) }
        #expect(error?.problems?[path] == [problem])
    }

    @Test("unknown fields are ignored when enforce_unknown is false")
    func unknownFieldsIgnored() throws {
        let body = Self.recipe(spec: #"{"name": "x", "colour": "red", "versions": [{"name": "v", "image_uri": "u", "size": 1}]}"#, extra: #", "extra": 1"#)
        let draft = try ModernRecipeReader.read(Fixtures.json(body), rejectUnknownFields: false)
        guard case let .image(image) = draft else {
            Issue.record("expected an image draft, got \(draft)")
            return
        }
        #expect(image.name == "x")
        #expect(image.versions.map(\.name) == ["v"])
    }

    @Test("owner references of every form are read", arguments: [
        (#""acme/alice""#, OwnerReference.path("acme/alice")),
        (#"{"name": "acme/"}"#, .path("acme/")),
        (#"{"id": "abc"}"#, .id("abc")),
        (#"{"user_id": "u1"}"#, .userID("u1")),
        (#"{"group_id": "g1", "user_id": null}"#, .groupID("g1")),
        (#"{"org_id": "o1"}"#, .orgID("o1")),
    ])
    func ownerForms(owner: String, expected: OwnerReference) throws {
        let draft = try ModernRecipeReader.read(Fixtures.json(Self.recipe(spec: #"{"name": "x", "owner": \#(owner)}"#)), rejectUnknownFields: true)
        #expect(draft.owner == expected)
    }
}
