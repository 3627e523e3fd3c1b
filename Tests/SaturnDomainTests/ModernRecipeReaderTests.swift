import Testing
@testable import SaturnDomain

@Suite("Modern recipe validation")
struct ModernRecipeReaderTests {
    static func recipe(spec: String, type: String = "image", extra: String = "") -> String {
        #"{"type": "\#(type)", "spec": \#(spec)\#(extra)}"#
    }

    @Test("each rule names the JSON path and the problem", arguments: [
        (#"{"spec": {"name": "x"}}"#, "type", "is required"),
        (recipe(spec: #"{"name": "x", "command": "c", "instance_type": "large"}"#, type: "job"), "spec.image",
         "is required: an object with tag_id, with uri, or with name and version, or a string 'name:version' or 'org/identity/name:version'"),
        (recipe(spec: #"{"name": "x", "image": "saturn:1", "command": "c"}"#, type: "job"), "spec.instance_type", "is required"),
        (recipe(spec: #"{"name": "x", "image": "saturn:1", "instance_type": "large"}"#, type: "deployment"), "spec.command", "is required"),
        (recipe(spec: #"{"name": "x", "image": "saturn", "instance_type": "large"}"#, type: "workspace"), "spec.image",
         "'saturn' names no version: write 'name:version' or 'org/identity/name:version'"),
        (recipe(spec: #"{"name": "x", "image": "a/saturn:1", "instance_type": "large"}"#, type: "workspace"), "spec.image",
         "'a/saturn:1' is not 'name:version' or 'org/identity/name:version' (names: letters, digits, '-' and '.')"),
        (recipe(spec: #"{"name": "x", "image": {"version": "1"}, "instance_type": "large"}"#, type: "workspace"), "spec.image.name", "is required"),
        (recipe(spec: #"{"name": "x", "image": {"uri": "a b"}, "instance_type": "large"}"#, type: "workspace"), "spec.image.uri",
         "contains a space at character 2; an image reference has no white space"),
        (recipe(spec: #"{"name": "x", "image": "s:1", "instance_type": "l", "command": "c", "schedule": "61 * * * *"}"#, type: "job"), "spec.schedule",
         "'61 * * * *' is not a cron schedule: the minute field '61' is outside 0-59"),
        (recipe(spec: #"{"name": "x", "image": "s:1", "instance_type": "l", "command": "c", "schedule": "every day"}"#, type: "job"), "spec.schedule",
         "'every day' is not a cron schedule: it needs 5 fields (minute hour day-of-month month day-of-week), not 2; or one of @annually, @daily, @hourly, @midnight, @monthly, @weekly, @yearly"),
        (recipe(spec: #"{"name": "x", "image": "s:1", "instance_type": "l", "ide": "vscode"}"#, type: "workspace"), "spec.ide",
         "must be one of 'jupyter', 'rstudio', not 'vscode'"),
        (recipe(spec: #"{"name": "x", "image": "s:1", "instance_type": "l", "environment_variables": {"A": 1}}"#, type: "workspace"),
         "spec.environment_variables.A", "must be a string, not a number"),
        (recipe(spec: #"{"name": "x", "image": "s:1", "instance_type": "l", "command": "c", "scale": -1}"#, type: "deployment"), "spec.scale",
         "must be a whole number from 0 to 1000, not a number"),
        (recipe(spec: #"{"name": "x", "image": "s:1", "instance_type": "l", "status": "paused"}"#, type: "workspace"), "spec.status",
         "must be one of 'running', 'stopped', not 'paused'"),
        (recipe(spec: #"{"name": "x", "image": "s:1", "instance_type": "l", "command": "c", "ide": "jupyter"}"#, type: "job"), "spec.ide",
         "unknown field (allowed: command, concurrency_policy, config_files, dask_cluster, description, environment_variables, extra_packages, git_repositories, image, instance_type, name, owner, retries, scale, schedule, secrets, shared_folders, start_dind, start_script, status, tags, token_scope, use_spot_instance, working_directory)"),
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
        (recipe(spec: #"{"name": "x", "versions": [{"name": "v1", "image_uri": "repo:1\r\n X-Evil: 1"}]}"#), "spec.versions[0].image_uri",
         "contains the control character U+000D at character 7; an image reference is printable ASCII"),
        (recipe(spec: #"{"name": "x", "versions": [{"name": "v1", "image_uri": "no tag"}]}"#), "spec.versions[0].image_uri",
         "contains a space at character 3; an image reference has no white space"),
        (recipe(spec: #"{"name": "x", "versions": [{"name": "v1", "image_uri": ""}]}"#), "spec.versions[0].image_uri", "must not be empty"),
        (recipe(spec: #"{"name": "x", "versions": [{"name": "v1", "image_uri": "\#(String(repeating: "a", count: 9_000))"}]}"#),
         "spec.versions[0].image_uri", "is 9000 characters long; at most 1024 are allowed"),
        (recipe(spec: #"{"name": "\#(String(repeating: "n", count: 129))"}"#), "spec.name", "is 129 characters long; at most 128 are allowed"),
        (recipe(spec: #"{"name": "x", "description": "\#(String(repeating: "d", count: 4_097))"}"#), "spec.description",
         "is 4097 characters long; at most 4096 are allowed"),
        (recipe(spec: #"{"name": "x", "supports": ["\#(String(repeating: "s", count: 4_097))"]}"#), "spec.supports[0]",
         "is 4097 characters long; at most 4096 are allowed"),
        (recipe(spec: #"{"name": "x", "versions": [{"name": "\#(String(repeating: "v", count: 129))", "image_uri": "u"}]}"#),
         "spec.versions[0].name", "is 129 characters long; at most 128 are allowed"),
        (recipe(spec: #"{"name": "x", "versions": [{"name": "v", "image_uri": "u", "build_data": {"k": "\#(String(repeating: "b", count: 65_537))"}}]}"#),
         "spec.versions[0].build_data.k", "is 65537 characters long; at most 65536 are allowed"),
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
