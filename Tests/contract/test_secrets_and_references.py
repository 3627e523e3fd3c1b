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

from harness import ADMIN, MEMBER
from test_saturn_api import run

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
