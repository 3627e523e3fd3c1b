"""Secrets and external repositories through saturn-api's SecretsApi and ExternalReposApi, and the references a
recipe makes to them and to shared folders (README "Secrets, repositories and the references of recipes"). A
secret's value goes in and never comes out: not in an answer, the request journal or the state document."""

import httpx
import pytest
from saturn_api import ExternalReposApi, SecretsApi
from saturn_api.exceptions import ForbiddenException, NotFoundException
from saturn_api.models import (
    ExternalRepoCreate, ExternalRepoUpdate, OwnerByName, OwnerReference, SecretAccessLevel, SecretCreate, SecretUpdate,
)
from saturn_client import SaturnConnection

from harness import ADMIN, MEMBER
from test_saturn_api import run
from test_sc_resources import sc

VALUE = "hunter2-do-not-show"


def raw(mock, user, method, path, **arguments):
    """One request as `user`, answered whatever its status."""
    return httpx.request(method, f"{mock.url}{path}", headers=mock.headers(user), **arguments)


def checked(response, status, *words):
    """The answer has `status`, and its message says each of `words`."""
    assert response.status_code == status, response.text
    for word in words:
        assert word in response.json()["message"], response.text
    return response.json()


def problems(response):
    """The paths and problems of a 422."""
    assert response.status_code == 422, response.text
    return response.json()["errors"]


def nothing_shows_the_value(mock, value=VALUE):
    """Neither the request journal nor the state document holds `value`."""
    assert value not in httpx.get(f"{mock.url}/_mock/requests").text
    assert value not in httpx.get(f"{mock.url}/_mock/state").text


def test_a_secret_is_made_listed_changed_and_deleted_and_its_value_never_shown(mock):
    async def flow(client):
        secrets = SecretsApi(client)
        made = await secrets.create(secret_create=SecretCreate(name="snowflake_key", value=VALUE, access=SecretAccessLevel.ORG))
        fetched = await secrets.get(secret_id=made.id)
        listed = await secrets.list(name="snow", access=SecretAccessLevel.ORG, owner="acme/alice")
        none = await secrets.list(access=SecretAccessLevel.OWNER)
        changed = await secrets.update(secret_id=made.id, secret_update=SecretUpdate(name="snowflake-key", value="new-" + VALUE))
        await secrets.delete(secret_id=made.id)
        return made, fetched, listed, none, changed

    made, fetched, listed, none, changed = run(flow, mock)
    assert (made.name, made.owner.name, made.access, made.editable) == ("snowflake_key", "acme/alice", SecretAccessLevel.ORG, True)
    assert fetched == made
    assert [secret.id for secret in listed.secrets] == [made.id] and none.secrets == []
    assert (changed.id, changed.name, changed.access) == (made.id, "snowflake-key", SecretAccessLevel.ORG)
    checked(raw(mock, ADMIN, "GET", f"/api/secrets/{made.id}"), 404, made.id, "GET /api/secrets")
    nothing_shows_the_value(mock)
    nothing_shows_the_value(mock, "new-" + VALUE)


def test_an_answer_holds_what_the_spec_shows_and_never_a_value(mock):
    made = raw(mock, ADMIN, "POST", "/api/secrets", json={"name": "db", "value": VALUE})
    assert made.status_code == 201, made.text
    assert sorted(made.json()) == ["access", "created_at", "editable", "id", "name", "owner"]
    assert made.json()["access"] == "owner", "Saturn's default"
    for answer in (made, raw(mock, ADMIN, "GET", f"/api/secrets/{made.json()['id']}"), raw(mock, ADMIN, "GET", "/api/secrets"),
                   raw(mock, ADMIN, "PATCH", f"/api/secrets/{made.json()['id']}", json={"value": VALUE})):
        assert VALUE not in answer.text
    entries = httpx.get(f"{mock.url}/_mock/requests?path=/api/secrets*").json()["requests"]
    assert [entry["body"].get("value") for entry in entries if entry["body"]] == ["[redacted]", "[redacted]"]
    nothing_shows_the_value(mock)


def test_who_sees_and_changes_a_secret(mock):
    shared = raw(mock, ADMIN, "POST", "/api/secrets", json={"name": "shared", "value": "v", "access": "org"}).json()
    private = raw(mock, ADMIN, "POST", "/api/secrets", json={"name": "private", "value": "v"}).json()
    for_bob = raw(mock, ADMIN, "POST", "/api/secrets", json={"name": "bobs", "value": "v", "owner": "acme/bob"})
    assert for_bob.status_code == 201 and for_bob.json()["owner"]["name"] == "acme/bob", "an org admin makes one for a member"
    seen = raw(mock, MEMBER, "GET", "/api/secrets").json()["secrets"]
    assert [(secret["name"], secret["editable"]) for secret in seen] == [("shared", False), ("bobs", True)]
    assert raw(mock, ADMIN, "GET", "/api/secrets?owner=acme/bob").json()["secrets"][0]["name"] == "bobs"
    checked(raw(mock, MEMBER, "GET", f"/api/secrets/{private['id']}"), 404, private["id"])
    checked(raw(mock, MEMBER, "PATCH", f"/api/secrets/{shared['id']}", json={"value": "mine"}), 403, "bob", "secrets")
    checked(raw(mock, MEMBER, "DELETE", f"/api/secrets/{shared['id']}"), 403, "bob")
    checked(raw(mock, MEMBER, "POST", "/api/secrets", json={"name": "x", "value": "v", "owner": "acme/alice"}), 403, "bob")
    checked(raw(mock, ADMIN, "POST", "/api/secrets", json={"name": "shared", "value": "v"}), 409, "acme/alice", "shared")
    checked(raw(mock, ADMIN, "PATCH", f"/api/secrets/{private['id']}", json={"name": "shared"}), 409, "shared")

    async def as_bob(client):
        with pytest.raises(NotFoundException):
            await SecretsApi(client).get(secret_id=private["id"])
        with pytest.raises(ForbiddenException):
            await SecretsApi(client).create(secret_create=SecretCreate(
                name="x", value="v", owner=OwnerReference(OwnerByName(name="acme/alice"))))

    run(as_bob, mock, MEMBER)


@pytest.mark.parametrize("body, path, words", [
    ({"value": "v"}, "name", "is required"),
    ({"name": "db"}, "value", "is required"),
    ({"name": "my secret!", "value": "v"}, "name", "secret-name rule"),
    ({"name": "x" * 129, "value": "v"}, "name", "at most 128"),
    ({"name": "db", "value": 7}, "value", "must be a string"),
    ({"name": "db", "value": "v" * 65_537}, "value", "at most 65536"),
    ({"name": "db", "value": "v", "access": "world"}, "access", "'org', 'owner'"),
    ({"name": "db", "value": "v", "owner": "Not An Owner"}, "owner", "org/identity"),
    ({"name": "db", "value": "v", "kind": "file"}, "kind", "unknown field"),
])
def test_a_bad_secret_is_refused_naming_the_field(mock, body, path, words):
    errors = problems(raw(mock, ADMIN, "POST", "/api/secrets", json=body))
    assert path in errors and words in " ".join(errors[path]), errors
    assert raw(mock, ADMIN, "GET", "/api/secrets").json()["secrets"] == []


@pytest.mark.parametrize("body, path, words", [
    ({"name": "a b"}, "name", "secret-name rule"),
    ({"access": "all"}, "access", "'org', 'owner'"),
    ({"value": None, "owner": "acme/bob"}, "owner", "unknown field"),
])
def test_a_bad_change_of_a_secret_is_refused_naming_the_field(mock, body, path, words):
    made = raw(mock, ADMIN, "POST", "/api/secrets", json={"name": "db", "value": VALUE}).json()
    errors = problems(raw(mock, ADMIN, "PATCH", f"/api/secrets/{made['id']}", json=body))
    assert path in errors and words in " ".join(errors[path]), errors
    assert raw(mock, ADMIN, "GET", f"/api/secrets/{made['id']}").json() == made


def test_an_external_repository_is_made_listed_changed_and_deleted(mock):
    key = raw(mock, ADMIN, "POST", "/api/secrets", json={"name": "deploy-key", "value": VALUE}).json()

    async def flow(client):
        repos = ExternalReposApi(client)
        made = await repos.create(external_repo_create=ExternalRepoCreate(remote_url="git@github.com:saturncloud/examples.git", ssh_privatekey_id=key["id"]))
        other = await repos.create(external_repo_create=ExternalRepoCreate(remote_url="https://github.com/acme/tools"))
        fetched = await repos.get(external_repo_id=made.id)
        found = await repos.list(remote_url="saturncloud", owner="acme/alice")
        page = await repos.list(page_size=1)
        moved = await repos.update(external_repo_id=made.id, external_repo_update=ExternalRepoUpdate(remote_url="git@github.com:saturncloud/recipes.git"))
        await repos.delete(external_repo_id=other.id)
        remaining = await repos.list()
        return made, fetched, found, page, moved, remaining

    made, fetched, found, page, moved, remaining = run(flow, mock)
    assert (made.name, made.owner.name, made.remote_url, made.ssh_privatekey_id) == ("examples", "acme/alice", "git@github.com:saturncloud/examples.git", key["id"])
    assert fetched == made
    assert [repo.id for repo in found.external_repos] == [made.id]
    assert len(page.external_repos) == 1 and page.next_key
    assert (moved.id, moved.name, moved.ssh_privatekey_id) == (made.id, "recipes", key["id"])
    assert [repo.id for repo in remaining.external_repos] == [made.id]
    cleared = raw(mock, ADMIN, "PATCH", f"/api/external_repos/{made.id}", json={"ssh_privatekey_id": None}).json()
    assert "ssh_privatekey_id" not in cleared
    nothing_shows_the_value(mock)


def test_who_sees_and_changes_an_external_repository(mock):
    own = raw(mock, ADMIN, "POST", "/api/external_repos", json={"remote_url": "git@github.com:acme/private.git"}).json()
    orgs = raw(mock, ADMIN, "POST", "/api/external_repos", json={"remote_url": "git@github.com:acme/shared.git", "owner": "acme/acme"}).json()
    assert [repo["name"] for repo in raw(mock, MEMBER, "GET", "/api/external_repos").json()["external_repos"]] == ["shared"], \
        "a member sees what the org itself owns, not another member's"
    checked(raw(mock, MEMBER, "GET", f"/api/external_repos/{own['id']}"), 404, own["id"], "GET /api/external_repos")
    checked(raw(mock, MEMBER, "DELETE", f"/api/external_repos/{orgs['id']}"), 403, "bob", "external repositories")
    checked(raw(mock, MEMBER, "POST", "/api/external_repos", json={"remote_url": "git@x.test:a/b.git", "owner": "acme/alice"}), 403, "bob")
    checked(raw(mock, ADMIN, "POST", "/api/external_repos", json={"remote_url": own["remote_url"]}), 409, "acme/alice", own["id"])
    mine = raw(mock, MEMBER, "POST", "/api/external_repos", json={"remote_url": own["remote_url"]})
    assert mine.status_code == 201 and mine.json()["owner"]["name"] == "acme/bob", "the same URL for another owner"


def test_a_repository_key_is_a_secret_its_owner_can_see(mock):
    alices = raw(mock, ADMIN, "POST", "/api/secrets", json={"name": "key", "value": "v"}).json()
    shared = raw(mock, ADMIN, "POST", "/api/secrets", json={"name": "team-key", "value": "v", "access": "org"}).json()
    body = {"remote_url": "git@github.com:acme/x.git", "ssh_privatekey_id": alices["id"]}
    assert problems(raw(mock, MEMBER, "POST", "/api/external_repos", json=body))["ssh_privatekey_id"] == [
        "names no secret that acme/bob can see (GET /api/secrets lists them, with their ids)"]
    checked(raw(mock, MEMBER, "POST", "/api/external_repos", json={**body, "ssh_privatekey_id": shared["id"]}), 201)
    checked(raw(mock, ADMIN, "POST", "/api/external_repos", json={**body, "ssh_privatekey_id": "no-such-secret"}), 422, "ssh_privatekey_id")


@pytest.mark.parametrize("body, path, words", [
    ({}, "remote_url", "is required"),
    ({"remote_url": ""}, "remote_url", "must not be empty"),
    ({"remote_url": "ftp://example.test/a.git"}, "remote_url", "scheme 'ftp'"),
    ({"remote_url": "not a url"}, "remote_url", "holds a space"),
    ({"remote_url": "https://github.com"}, "remote_url", "names no host and repository path"),
    ({"remote_url": "git@x.test:a/" + "b" * 1_024}, "remote_url", "at most 1024"),
    ({"remote_url": 5}, "remote_url", "must be a string"),
    ({"remote_url": "git@x.test:a/b.git", "ssh_privatekey_id": 5}, "ssh_privatekey_id", "must be a string"),
    ({"remote_url": "git@x.test:a/b.git", "owner": "acme/nobody"}, "owner", "no user or group 'nobody'"),
    ({"remote_url": "git@x.test:a/b.git", "name": "b"}, "name", "unknown field"),
])
def test_a_bad_repository_is_refused_naming_the_field(mock, body, path, words):
    errors = problems(raw(mock, ADMIN, "POST", "/api/external_repos", json=body))
    assert path in errors and words in " ".join(errors[path]), errors
    assert raw(mock, ADMIN, "GET", "/api/external_repos").json()["external_repos"] == []


@pytest.mark.parametrize("body, path, words", [
    ({"remote_url": "git@x.test"}, "remote_url", "is not scheme://host/path"),
    ({"owner": "acme/bob"}, "owner", "unknown field"),
    ({"ssh_privatekey_id": "nope"}, "ssh_privatekey_id", "names no secret"),
])
def test_a_bad_change_of_a_repository_is_refused_naming_the_field(mock, body, path, words):
    made = raw(mock, ADMIN, "POST", "/api/external_repos", json={"remote_url": "git@x.test:a/b.git"}).json()
    errors = problems(raw(mock, ADMIN, "PATCH", f"/api/external_repos/{made['id']}", json=body))
    assert path in errors and words in " ".join(errors[path]), errors
    assert raw(mock, ADMIN, "GET", f"/api/external_repos/{made['id']}").json() == made


URL = "git@github.com:saturncloud/examples.git"


@pytest.fixture
def imported(mock, document_recipe):
    """The document's images, which the recipes below run."""
    assert httpx.post(f"{mock.url}/api/recipes/apply", content=document_recipe, headers=mock.headers(ADMIN)).status_code == 201


@pytest.fixture
def named(mock, imported):
    """What alice keeps for the recipes to name: a secret and a folder she shares with acme, one she keeps to
    herself, and a repository acme itself owns, pulled with the shared secret."""
    made = {}
    for key, path, body in (
        ("secret", "/api/secrets", {"name": "db", "value": VALUE, "access": "org"}),
        ("private", "/api/secrets", {"name": "mine", "value": VALUE}),
        ("folder", "/api/shared_folders", {"name": "data", "access": "org"}),
        ("repo", "/api/external_repos", {"remote_url": URL, "owner": "acme/acme"}),
    ):
        response = raw(mock, ADMIN, "POST", path, json=body)
        assert response.status_code == 201, response.text
        made[key] = response.json()
    raw(mock, ADMIN, "PATCH", f"/api/external_repos/{made['repo']['id']}", json={"ssh_privatekey_id": made["secret"]["id"]}).raise_for_status()
    return made


def recipe(kind="job", name="nightly", **spec):
    body = {"name": name, "image": "saturn:2021.11.10", "instance_type": "large", **spec}
    if kind != "workspace":
        body.setdefault("command", "python x.py")
    return {"schema_version": "2025.10.01", "type": kind, "spec": body}


REFERENCES = {
    "secrets": [{"name": "db", "location": "DB_PASSWORD", "attachment_type": "environment_variable", "description": "the db"},
                {"name": "db", "owner": "acme/alice", "location": "/home/jovyan/db.txt", "attachment_type": "file"}],
    "shared_folders": [{"name": "data", "path": "/home/jovyan/shared/data"}],
    "git_repositories": [{"url": URL, "path": "/home/jovyan/git-repos/examples", "on_restart": "reclone", "reference": "main",
                          "reference_type": "branch", "public": False}],
}


def test_a_recipe_names_secrets_folders_and_repositories_its_owner_can_see(mock, named):
    applied = raw(mock, MEMBER, "PUT", "/api/recipes", json=recipe(**REFERENCES))
    assert applied.status_code == 201, applied.text
    spec = applied.json()["spec"]
    assert {field: spec[field] for field in REFERENCES} == REFERENCES, "kept as given"
    again = raw(mock, MEMBER, "PUT", "/api/recipes", json=recipe(**REFERENCES)).json()
    assert again["state"]["action"] == "unchanged"
    bare = raw(mock, MEMBER, "PUT", "/api/recipes", json=recipe(name="bare")).json()["spec"]
    assert (bare["secrets"], bare["shared_folders"], bare["git_repositories"]) == ([], [], []), "the lists default to []"
    assert VALUE not in raw(mock, MEMBER, "GET", "/api/recipes/job/nightly").text


@pytest.mark.parametrize("field, entries, path, words", [
    ("secrets", [{"name": "nope", "location": "X", "attachment_type": "file"}], "spec.secrets[0].name",
     "names no secret 'nope' that acme/bob can see (GET /api/secrets lists them)"),
    ("secrets", [REFERENCES["secrets"][0], {"name": "mine", "location": "X", "attachment_type": "file"}], "spec.secrets[1].name",
     "names no secret 'mine' that acme/bob can see"),
    ("secrets", [{"name": "db", "owner": "acme/bob", "location": "X", "attachment_type": "file"}], "spec.secrets[0].name",
     "names no secret 'db' that acme/bob can see"),
    ("secrets", [{"name": "db", "owner": "nowhere/x", "location": "X", "attachment_type": "file"}], "spec.secrets[0].owner",
     "names no org, user or group"),
    ("secrets", [{"name": "db", "location": "X"}], "spec.secrets[0].attachment_type", "is required"),
    ("secrets", [{"name": "db", "location": "X", "attachment_type": "disk"}], "spec.secrets[0].attachment_type", "'environment_variable', 'file'"),
    ("secrets", [{"location": "X", "attachment_type": "file"}], "spec.secrets[0].name", "is required"),
    ("secrets", [{"name": "db", "attachment_type": "file"}], "spec.secrets[0].location", "is required"),
    ("secrets", [{"name": "db", "location": "X", "attachment_type": "file", "type": "file"}], "spec.secrets[0].type", "unknown field"),
    ("secrets", ["db"], "spec.secrets[0]", "must be an object"),
    ("secrets", {"name": "db"}, "spec.secrets", "must be an array"),
    ("shared_folders", [{"name": "lost"}], "spec.shared_folders[0].name", "names no shared folder 'lost' that acme/bob can see"),
    ("shared_folders", [{"path": "/x"}], "spec.shared_folders[0].name", "is required"),
    ("git_repositories", [{"url": "git@github.com:acme/other.git"}], "spec.git_repositories[0].url",
     "names no external repository 'git@github.com:acme/other.git' that acme/bob can see (GET /api/external_repos lists them)"),
    ("git_repositories", [{"url": "not a url"}], "spec.git_repositories[0].url", "holds a space"),
    ("git_repositories", [{"url": URL, "on_restart": "sometimes"}], "spec.git_repositories[0].on_restart", "'preserve changes', 'reclone'"),
    ("git_repositories", [{"url": URL, "reference_type": "hash"}], "spec.git_repositories[0].reference_type", "'branch', 'commit', 'tag'"),
    ("git_repositories", [{"path": "/x"}], "spec.git_repositories[0].url", "is required"),
])
def test_a_reference_to_nothing_the_owner_can_see_is_a_422_naming_its_path(mock, named, field, entries, path, words):
    response = raw(mock, MEMBER, "PUT", "/api/recipes", json=recipe(**{field: entries}))
    errors = problems(response)
    assert path in errors and words in " ".join(errors[path]), errors
    assert raw(mock, MEMBER, "GET", "/api/recipes?type=job").json()["recipes"] == []


def test_an_admin_writes_for_a_member_what_the_member_can_see_not_what_the_admin_can(mock, named):
    body = recipe(secrets=[{"name": "mine", "owner": "acme/alice", "location": "X", "attachment_type": "file"}])
    body["spec"]["owner"] = "acme/bob"
    errors = problems(raw(mock, ADMIN, "PUT", "/api/recipes", json=body))
    assert errors == {"spec.secrets[0].name": ["names no secret 'mine' that acme/bob can see (GET /api/secrets lists them)"]}
    body["spec"]["owner"] = "acme/alice"
    assert raw(mock, ADMIN, "PUT", "/api/recipes", json=body).status_code == 201


def test_a_name_several_can_have_needs_its_owner(mock, named):
    carl = httpx.post(f"{mock.url}/_mock/tokens", json={"username": "carl", "org": "acme"}).raise_for_status().json()["token"]
    made = httpx.post(f"{mock.url}/api/secrets", json={"name": "db", "value": "v", "access": "org"}, headers={"Authorization": f"Bearer {carl}"})
    assert made.status_code == 201, made.text
    entry = {"name": "db", "location": "DB", "attachment_type": "environment_variable"}
    errors = problems(raw(mock, MEMBER, "PUT", "/api/recipes", json=recipe(secrets=[entry])))
    assert errors["spec.secrets[0].name"] == [
        "more than one secret 'db' that acme/bob can see matches (owners: acme/alice, acme/carl); give its owner"]
    assert raw(mock, MEMBER, "PUT", "/api/recipes", json=recipe(secrets=[{**entry, "owner": "carl"}])).status_code == 201, \
        "an owner without an org is in the recipe's org"
    mine = raw(mock, MEMBER, "POST", "/api/secrets", json={"name": "db", "value": "v"}).json()
    assert raw(mock, MEMBER, "PUT", "/api/recipes", json=recipe(name="own", secrets=[entry])).status_code == 201, "the owner's own wins"
    checked(raw(mock, MEMBER, "DELETE", f"/api/secrets/{mine['id']}"), 409, "job 'acme/bob/own'")


def test_what_a_recipe_names_is_not_deleted_renamed_or_hidden_from_it(mock, named):
    applied = raw(mock, MEMBER, "PUT", "/api/recipes", json=recipe(**REFERENCES))
    assert applied.status_code == 201, applied.text
    secret, folder, repo = named["secret"]["id"], named["folder"]["id"], named["repo"]["id"]
    user = "job 'acme/bob/nightly'"
    checked(raw(mock, ADMIN, "DELETE", f"/api/secrets/{secret}"), 409, "Secret 'acme/alice/db' is used by", user, "external repository 'acme/acme/" + URL)
    checked(raw(mock, ADMIN, "PATCH", f"/api/secrets/{secret}", json={"name": "database"}), 409, user)
    checked(raw(mock, ADMIN, "PATCH", f"/api/secrets/{secret}", json={"access": "owner"}), 409, user)
    assert raw(mock, ADMIN, "PATCH", f"/api/secrets/{secret}", json={"value": "rotated"}).status_code == 200, "a new value breaks nothing"
    checked(raw(mock, ADMIN, "DELETE", f"/api/shared_folders/{folder}"), 409, "Shared folder 'acme/alice/data'", user)
    checked(raw(mock, ADMIN, "PATCH", f"/api/shared_folders/{folder}", json={"name": "data2"}), 409, user)
    checked(raw(mock, ADMIN, "DELETE", f"/api/external_repos/{repo}"), 409, "External repository 'acme/acme/" + URL, user)
    checked(raw(mock, ADMIN, "PATCH", f"/api/external_repos/{repo}", json={"remote_url": "git@github.com:saturncloud/other.git"}), 409, user)

    job = applied.json()["state"]["id"]
    assert raw(mock, MEMBER, "DELETE", f"/api/jobs/{job}").status_code == 204
    assert raw(mock, ADMIN, "DELETE", f"/api/shared_folders/{folder}").status_code == 204
    assert raw(mock, ADMIN, "DELETE", f"/api/external_repos/{repo}").status_code == 204
    assert raw(mock, ADMIN, "DELETE", f"/api/secrets/{secret}").status_code == 204, "once nothing names it"


def test_the_owner_of_a_secret_cannot_leave_while_it_is_kept(mock, named):
    orgs = {org["name"]: org["id"] for org in raw(mock, ADMIN, "GET", "/api/orgs").json()["orgs"]}
    users = {user["username"]: user["id"] for user in raw(mock, ADMIN, "GET", "/api/users").json()["users"]}
    raw(mock, MEMBER, "POST", "/api/secrets", json={"name": "bobs", "value": "v"}).raise_for_status()
    checked(raw(mock, ADMIN, "DELETE", f"/api/orgs/{orgs['acme']}/members/{users['bob']}"), 409, "secret 'acme/bob/bobs'")


def test_saturn_clients_clone_keeps_what_a_recipe_names(mock, named):
    assert raw(mock, ADMIN, "PUT", "/api/recipes", json=recipe(**REFERENCES)).status_code == 201
    connection = SaturnConnection(url=mock.base_url, api_token=mock.token(ADMIN))
    cloned = connection.clone("job", "nightly", "workspace", "lab")
    assert (cloned["type"], cloned["spec"]["secrets"], cloned["spec"]["shared_folders"]) == ("workspace", REFERENCES["secrets"], REFERENCES["shared_folders"])
    assert cloned["spec"]["git_repositories"] == [{**REFERENCES["git_repositories"][0], "on_restart": "preserve changes"}], \
        "saturn-client makes a workspace's repositories keep their changes"


def test_sc_apply_says_which_reference_names_nothing(mock, named, tmp_path):
    file = tmp_path / "job.yaml"
    file.write_text(f"type: job\nspec:\n  name: nightly\n  image: saturn:2021.11.10\n  instance_type: large\n  command: python x.py\n"
                    f"  git_repositories:\n    - url: {URL}\n  secrets:\n    - {{name: mine, location: X, attachment_type: file}}\n")
    refused = sc(mock, "apply", str(file), user=MEMBER, check=False)
    assert refused.returncode != 0
    assert "spec.secrets[0].name: names no secret 'mine' that acme/bob can see" in refused.stdout + refused.stderr
