"""Every answer the mock serves today, checked against the response schema Saturn's spec documents for it."""

import httpx
import pytest

from harness import ADMIN, EXPIRED, MEMBER
from spec_shapes import problems, response_schema, schema_named

FULL_IMAGE = {"type": "image", "schema_version": "2025.10.01", "spec": {
    "name": "full", "owner": "acme/alice", "description": "every field", "hardware_type": "NVIDIA",
    "supports": ["jupyterlab"], "access": "account",
    "versions": [{"name": "v1", "image_uri": "registry.example/full:1", "description": "first", "archived": True,
                  "build_data": {"base_image_uri": "python:3"}}]}}


def get(mock, path, user=ADMIN):
    response = httpx.get(f"{mock.url}{path}", headers=mock.headers(user) if user else {})
    assert response.status_code == 200, response.text
    return response.json()


def conforms(value, schema, client_reads=()):
    """No problem but a field in `client_reads`: one saturn-client reads although the spec lacks it."""
    found = [problem for problem in problems(value, schema)
             if not any(problem.endswith(f"/{field}: the schema declares no such field") for field in client_reads)]
    assert found == [], "\n".join(found)


@pytest.fixture
def stocked(mock, document_recipe):
    """A mock holding the document's two images and one image with every optional field set."""
    headers = mock.headers(ADMIN)
    assert httpx.post(f"{mock.url}/api/recipes/apply", content=document_recipe, headers=headers).status_code == 201
    assert httpx.put(f"{mock.url}/api/recipes", json=FULL_IMAGE, headers=headers).status_code == 201
    return mock


def test_status_user_and_orgs(mock):
    conforms(get(mock, "/api/status", user=None), response_schema("/api/status", "get", 200))
    for user in (ADMIN, MEMBER):
        conforms(get(mock, "/api/user", user), response_schema("/api/user", "get", 200))
        conforms(get(mock, "/api/orgs", user), response_schema("/api/orgs", "get", 200))


@pytest.mark.parametrize("method", ["put", "post"])
def test_an_apply_answers_a_recipe(mock, method):
    response = httpx.request(method.upper(), f"{mock.url}/api/recipes", json=FULL_IMAGE, headers=mock.headers(ADMIN))
    assert response.status_code == 201, response.text
    conforms(response.json(), response_schema("/api/recipes", method, 201))


def test_the_legacy_apply_answers_recipes(mock, document_recipe):
    # Saturn documents no answer for POST /api/recipes/apply; the mock answers {"recipes": [Recipe, ...]}.
    response = httpx.post(f"{mock.url}/api/recipes/apply", content=document_recipe, headers=mock.headers(ADMIN))
    assert response.status_code == 201, response.text
    assert list(response.json()) == ["recipes"]
    for recipe in response.json()["recipes"]:
        conforms(recipe, schema_named("Recipe"))


@pytest.mark.parametrize("query", ["", "?as_template=True", "?descending=True", "?page_size=1",
                                   "?page_size=1&name=saturn-r", "?owner=acme/alice&page_size=2"])
def test_every_list_page(stocked, query):
    page = get(stocked, f"/api/recipes{query}")
    conforms(page, response_schema("/api/recipes", "get", 200))
    while "next_key" in page:
        page = get(stocked, f"/api/recipes?page_size=1&next_key={page['next_key']}")
        conforms(page, response_schema("/api/recipes", "get", 200))


def test_the_images_api(stocked):
    image = httpx.post(f"{stocked.url}/api/images", json={"name": "api-made", "access": "org"}, headers=stocked.headers(ADMIN))
    assert image.status_code == 201, image.text
    conforms(image.json(), response_schema("/api/images", "post", 201))
    tag = httpx.post(f"{stocked.url}/api/images/{image.json()['id']}/tags", json={"image_uri": "registry.example/x:1"}, headers=stocked.headers(ADMIN))
    assert tag.status_code == 201, tag.text
    conforms(tag.json(), response_schema("/api/images/{image_id}/tags", "post", 201))
    conforms(get(stocked, "/api/images"), response_schema("/api/images", "get", 200))
    for listed in get(stocked, "/api/images")["images"]:
        conforms(get(stocked, f"/api/images/{listed['id']}"), response_schema("/api/images/{image_id}", "get", 200))
        tags = get(stocked, f"/api/images/{listed['id']}/tags?page_size=1")
        conforms(tags, response_schema("/api/images/{image_id}/tags", "get", 200))
        for each in tags["image_tags"]:
            path = f"/api/images/{listed['id']}/tags/{each['id']}"
            conforms(get(stocked, path), response_schema("/api/images/{image_id}/tags/{image_tag_id}", "get", 200))


def test_server_options(mock):
    conforms(get(mock, "/api/info/servers"), response_schema("/api/info/servers", "get", 200))


def test_a_refreshed_token_pair(mock):
    response = httpx.post(f"{mock.url}/api/auth/token", json={"grant_type": "refresh_token", "refresh_token": mock.refresh_token(EXPIRED)})
    assert response.status_code == 200, response.text
    conforms(response.json(), response_schema("/api/auth/token", "post", 200))


@pytest.mark.parametrize("path", ["/api/recipes/image/saturn-r", "/api/recipes/image/full?as_template=True",
                                  "/api/recipes/image/full?owner_name=acme/alice"])
def test_one_recipe(stocked, path):
    conforms(get(stocked, path), response_schema("/api/recipes/{recipe_type}/{name}", "get", 200))


def test_workspaces_jobs_deployments_and_their_pods(stocked):
    """Every resource answer in every state the lifecycle passes through, and the recipes that list them."""
    headers = stocked.headers(ADMIN)
    httpx.post(f"{stocked.url}/_mock/clock", json={"set": "2026-06-01T12:00:00Z"}).raise_for_status()
    specs = {
        "workspace": {"ide": "jupyter", "extra_packages": {"pip": {"install": "pandas"}}, "start_script": "echo hi"},
        "job": {"command": "python run.py", "schedule": "@hourly", "retries": 2},
        "deployment": {"command": "uvicorn app:app", "scale": 2, "routes": [{"container_port": 8000, "visibility": "org"}]},
    }
    ids = {}
    for kind, extra in specs.items():
        body = {"type": kind, "spec": {"name": f"shape-{kind}", "image": {"name": "saturn-r", "version": "2021.12.01"}, "instance_type": "large", **extra}}
        applied = httpx.put(f"{stocked.url}/api/recipes", json=body, headers=headers)
        assert applied.status_code == 201, applied.text
        conforms(applied.json(), response_schema("/api/recipes", "put", 201))
        ids[kind] = applied.json()["state"]["id"]

    def check_all():
        for kind, resource_id in ids.items():
            base, one = f"/api/{kind}s", f"/api/{kind}s/{{{kind}_id}}"
            conforms(get(stocked, base), response_schema(base, "get", 200))
            conforms(get(stocked, f"{base}/{resource_id}"), response_schema(one, "get", 200))
            conforms(get(stocked, f"{base}/{resource_id}/recipe"), response_schema(f"{one}/recipe", "get", 200))
            # saturn-client's `sc pods` reads end_time, which the spec's PodHistory lacks.
            conforms(get(stocked, f"{base}/{resource_id}/history"), response_schema(f"{one}/history", "get", 200), client_reads=("end_time",))
            conforms(get(stocked, f"{base}/{resource_id}/logs"), response_schema(f"{one}/logs", "get", 200))
            pods = get(stocked, f"/api/active/pods?workload_type={kind}&workload_id={resource_id}")
            conforms(pods, response_schema("/api/active/pods", "get", 200))
            for pod in pods["pod_summaries"]:
                conforms(get(stocked, f"/api/active/pods/{pod['name']}"), response_schema("/api/active/pods/{name}", "get", 200))
                conforms(get(stocked, f"/api/active/pods/{pod['name']}/logs"), response_schema("/api/active/pods/{name}/logs", "get", 200))
        conforms(get(stocked, "/api/recipes"), response_schema("/api/recipes", "get", 200))

    def call_each(action):
        for kind, resource_id in ids.items():
            answer = httpx.post(f"{stocked.url}/api/{kind}s/{resource_id}/{action}", headers=headers)
            assert answer.status_code == 200, answer.text
            conforms(answer.json(), response_schema(f"/api/{kind}s/{{{kind}_id}}/{action}", "post", 200))

    def advance():
        httpx.post(f"{stocked.url}/_mock/clock", json={"advance_seconds": 5}).raise_for_status()

    check_all()  # stopped, never started
    call_each("start")
    check_all()  # pending
    advance()
    check_all()  # running
    call_each("stop")
    check_all()  # stopping
    advance()
    check_all()  # stopped, with a pod in history


@pytest.mark.parametrize(("value", "expected"), [
    ({"recipes": [], "next_key": None}, "next_key: None is not of type 'string'"),
    ({"recipes": [{"type": "image", "spec": {"name": "x", "versions": [{"name": "v"}]}}]}, "'image_uri' is a required property"),
    ({"recipes": [], "colour": "red"}, "colour: the schema declares no such field"),
    ({"recipes": [{"type": "image", "spec": {"name": "x"}, "state": {"versions": []}}]}, "'id' is a required property"),
    ({"recipes": [{"type": "image", "spec": {"name": "x", "hardware_type": "cpu"}}]}, "'cpu' is not one of ['CPU', 'NVIDIA', 'AMD']"),
    ({"orgs": [{"id": "1", "created_at": "2026-01-01T00:00:00Z", "avatar_url": "", "name": "a", "email": "", "description": "",
                "website_url": None, "logo_image_url": "", "limits_id": None, "is_primary": True, "locked": False,
                "locked_reason": ""}]},
     "orgs/0/created_at: '2026-01-01T00:00:00Z' is not in the format %Y-%m-%dT%H:%M:%S+00:00"),
])
def test_the_check_itself_finds_each_kind_of_stray(value, expected):
    schema = response_schema("/api/orgs" if "orgs" in value else "/api/recipes", "get", 200)
    assert any(expected in problem for problem in problems(value, schema)), problems(value, schema)


def without_token_factory(found):
    """saturn-client's UsageLimit cannot read `token_factory_enabled`, which the spec requires: the mock leaves it out."""
    return [problem for problem in found if "'token_factory_enabled' is a required property" not in problem]


def test_the_administration_api(mock):
    """Orgs, members, owners, invitations, users, preferences, service accounts, shared folders, limits and usage."""
    def send(method, path, status, **arguments):
        response = httpx.request(method, f"{mock.url}{path}", headers=mock.headers(ADMIN), **arguments)
        assert response.status_code == status, response.text
        return response.json()

    org = send("POST", "/api/orgs", 201, json={"name": "initech", "email": "boss@initech.test", "website_url": "https://initech.test"})
    conforms(org, response_schema("/api/orgs", "post", 201))
    conforms(send("PATCH", f"/api/orgs/{org['id']}", 200, json={"locked": True}), response_schema("/api/orgs/{org_id}", "patch", 200))
    conforms(get(mock, f"/api/orgs/{org['id']}"), response_schema("/api/orgs/{org_id}", "get", 200))
    conforms(get(mock, "/api/orgs?all_orgs=true&page_size=1"), response_schema("/api/orgs", "get", 200))
    user = send("POST", "/api/users", 201, json={"username": "dave", "email": "dave@acme.test", "full_name": "Dave"})
    conforms(user, response_schema("/api/users", "post", 201))
    member = send("POST", f"/api/orgs/{org['id']}/members", 201, json={"user_id": user["id"], "org_admin": True})
    conforms(member, response_schema("/api/orgs/{org_id}/members", "post", 201))
    conforms(get(mock, f"/api/orgs/{org['id']}/members/{user['id']}"), response_schema("/api/orgs/{org_id}/members/{user_id}", "get", 200))
    # The spec's oneOf of a list and its detailed list cannot tell them apart (each detailed item is an item too).
    for details, detailed in (("false", ""), ("true", "Detailed")):
        conforms(get(mock, f"/api/orgs/{org['id']}/owners?details={details}"), schema_named(f"Owner{detailed}List"))
        conforms(get(mock, f"/api/users?details={details}&page_size=2"), schema_named(f"User{detailed}List"))
        conforms(get(mock, f"/api/users/{user['id']}?details={details}"), schema_named(f"User{detailed}"))
    conforms(send("PATCH", f"/api/users/{user['id']}", 200, json={"full_name": "Dave D"}), response_schema("/api/users/{user_id}", "patch", 200))
    invitation = send("POST", f"/api/orgs/{org['id']}/invitations", 201, json={"email": "new@initech.test"})
    conforms(invitation, response_schema("/api/orgs/{org_id}/invitations", "post", 201))
    conforms(get(mock, f"/api/orgs/{org['id']}/invitations"), response_schema("/api/orgs/{org_id}/invitations", "get", 200))
    conforms(get(mock, "/api/user/preferences"), response_schema("/api/user/preferences", "get", 200))
    conforms(send("PATCH", "/api/user/preferences", 200, json={"default_org_id": org["id"]}), response_schema("/api/user/preferences", "patch", 200))
    # saturn-client reads the new account under "service_account"; the spec shows it bare.
    created = send("POST", "/api/service_accounts", 201, json={"name": "reader", "cloud_role": "arn:aws:iam::1:role/r"})
    conforms(created["service_account"], response_schema("/api/service_accounts", "post", 201))
    conforms(get(mock, "/api/service_accounts"), response_schema("/api/service_accounts", "get", 200))
    conforms(get(mock, f"/api/service_accounts/{created['service_account']['id']}"), response_schema("/api/service_accounts/{service_account_id}", "get", 200))
    folder = send("POST", "/api/shared_folders", 201, json={"name": "data", "owner": "initech/alice", "access": "org"})
    conforms(folder, response_schema("/api/shared_folders", "post", 201))
    conforms(send("PATCH", f"/api/shared_folders/{folder['id']}", 200, json={"access": "owner"}), response_schema("/api/shared_folders/{shared_folder_id}", "patch", 200))
    conforms(get(mock, "/api/shared_folders"), response_schema("/api/shared_folders", "get", 200))
    limit = send("POST", "/api/limits", 201, json={"name": "small", "org_id": org["id"], "instance_sizes": ["medium"], "hours_per_day": 8})
    assert without_token_factory(problems(limit, response_schema("/api/limits", "post", 201))) == []
    assert without_token_factory(problems(get(mock, "/api/limits"), response_schema("/api/limits", "get", 200))) == []
    assert without_token_factory(problems(get(mock, f"/api/limits/{limit['id']}"), response_schema("/api/limits/{limits_id}", "get", 200))) == []
    httpx.post(f"{mock.url}/_mock/clock", json={"set": "2026-06-01T12:00:00Z"}).raise_for_status()
    for path in (f"/api/orgs/{org['id']}/usage/daily", f"/api/orgs/{org['id']}/members/{user['id']}/usage/daily?start=2026-05-01"):
        conforms(get(mock, path), response_schema(path.split("?")[0].replace(org["id"], "{org_id}").replace(user["id"], "{user_id}"), "get", 200))


def test_secrets_repositories_and_what_recipes_and_creates_name(stocked):
    """Secrets and external repositories, a recipe that names them and a shared folder, and resources created over REST."""
    def send(method, path, status, **arguments):
        response = httpx.request(method, f"{stocked.url}{path}", headers=stocked.headers(ADMIN), **arguments)
        assert response.status_code == status, response.text
        return response.json()

    secret = send("POST", "/api/secrets", 201, json={"name": "db", "value": "v", "access": "org"})
    conforms(secret, response_schema("/api/secrets", "post", 201))
    conforms(send("PATCH", f"/api/secrets/{secret['id']}", 200, json={"value": "w"}), response_schema("/api/secrets/{secret_id}", "patch", 200))
    conforms(get(stocked, f"/api/secrets/{secret['id']}"), response_schema("/api/secrets/{secret_id}", "get", 200))
    conforms(get(stocked, "/api/secrets"), response_schema("/api/secrets", "get", 200))
    for owner, url in (("acme/alice", "git@github.com:acme/tools.git"), ("acme/acme", "https://github.com/saturncloud/examples")):
        repo = send("POST", "/api/external_repos", 201, json={"remote_url": url, "owner": owner, "ssh_privatekey_id": secret["id"]})
        conforms(repo, response_schema("/api/external_repos", "post", 201))
        changed = send("PATCH", f"/api/external_repos/{repo['id']}", 200, json={"ssh_privatekey_id": None})
        conforms(changed, response_schema("/api/external_repos/{external_repo_id}", "patch", 200))
        conforms(get(stocked, f"/api/external_repos/{repo['id']}"), response_schema("/api/external_repos/{external_repo_id}", "get", 200))
    conforms(get(stocked, "/api/external_repos?page_size=1"), response_schema("/api/external_repos", "get", 200))
    send("POST", "/api/shared_folders", 201, json={"name": "data"})

    references = {
        "secrets": [{"name": "db", "owner": "acme/alice", "location": "DB", "attachment_type": "environment_variable", "description": "d"}],
        "shared_folders": [{"name": "data", "path": "/home/jovyan/shared/data"}],
        "git_repositories": [{"url": "git@github.com:acme/tools.git", "path": "/home/jovyan/git-repos/tools", "on_restart": "reclone",
                              "reference": None, "reference_type": "branch", "public": False}],
    }
    recipe = {"type": "job", "spec": {"name": "named", "image": "saturn:2021.11.10", "instance_type": "large", "command": "true", **references}}
    conforms(send("PUT", "/api/recipes", 201, json=recipe), response_schema("/api/recipes", "put", 201))
    conforms(get(stocked, "/api/recipes/job/named"), response_schema("/api/recipes/{recipe_type}/{name}", "get", 200))

    attachments = [{"external_repo_id": repo["id"], "path": "/home/jovyan/git-repos/examples", "on_restart": "preserve changes"}]
    common = {"image_uri": "public.ecr.aws/saturncloud/saturn:2021.11.10", "instance_size": "large", "external_repo_attachments": attachments}
    for kind, extra in (("workspace", {"ide": "jupyter"}), ("job", {"command": "true", "cron_schedule_options": {"schedule": "@daily"}}),
                        ("deployment", {"command": "true", "scale": 2})):
        made = send("POST", f"/api/{kind}s", 201, json={"name": f"made-{kind}", **common, **extra})
        conforms(made, response_schema(f"/api/{kind}s", "post", 201))
        conforms(get(stocked, f"/api/{kind}s/{made['id']}/recipe"), response_schema(f"/api/{kind}s/{{{kind}_id}}/recipe", "get", 200))
