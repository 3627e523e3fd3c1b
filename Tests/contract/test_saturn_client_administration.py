"""saturn-client's administration methods, each through the library as a user calls it: orgs, members and owners,
invitations, users and preferences, service accounts, shared folders, usage limits, usage and resource templates
(README "Orgs, users, folders and limits")."""

import datetime as dt

import httpx
import pytest
from saturn_client import SaturnConnection
from saturn_client.core import SaturnHTTPError, UsageLimitCreate, UsageLimitPatch

from harness import ADMIN, MEMBER, OTHER_ORG_ADMIN

JOB = {"schema_version": "2025.10.01", "type": "job",
       "spec": {"name": "nightly", "image": "saturn:2021.11.10", "instance_type": "large", "command": "python x.py"}}


@pytest.fixture
def imported(mock, document_recipe):
    """The document's import: the images saturn and saturn-r of acme/alice, which JOB runs."""
    assert httpx.post(f"{mock.url}/api/recipes/apply", content=document_recipe, headers=mock.headers(ADMIN)).status_code == 201


def raw(mock, user, method, path, **arguments):
    """One request as `user`, answered whatever its status."""
    return httpx.request(method, f"{mock.url}{path}", headers=mock.headers(user), **arguments)


@pytest.fixture
def alice(mock):
    return SaturnConnection(url=mock.base_url, api_token=mock.token(ADMIN))


@pytest.fixture
def bob(mock):
    return SaturnConnection(url=mock.base_url, api_token=mock.token(MEMBER))


def carl(mock):
    """A member of acme minted for the test, connected."""
    minted = httpx.post(f"{mock.url}/_mock/tokens", json={"username": "carl", "org": "acme"}).raise_for_status().json()
    return SaturnConnection(url=mock.base_url, api_token=minted["token"])


def refused(call, status, *words):
    """The call fails with `status`, and its message says each of `words`."""
    with pytest.raises(SaturnHTTPError) as raised:
        call()
    assert raised.value.status_code == status, raised.value
    answer = raised.value.args[0]
    message = answer["message"] if isinstance(answer, dict) else str(answer)
    for word in words:
        assert word in message, message
    return raised.value


def checked(response, status, *words):
    """A raw answer (saturn-client raises on every error status) has `status`, and its message says each of `words`."""
    assert response.status_code == status, response.text
    for word in words:
        assert word in response.json()["message"], response.text
    return response.json()


def test_an_installation_admin_makes_changes_and_deletes_an_org(alice, bob, mock):
    made = alice.create_organization("initech", "boss@initech.test", description="Printers")
    assert (made["name"], made["email"], made["description"], made["is_primary"]) == ("initech", "boss@initech.test", "Printers", False)
    assert alice.get_organization(made["id"]) == made
    assert sorted(org["name"] for org in alice.list_organizations()) == ["acme", "initech"]  # its maker is its admin
    assert sorted(org["name"] for org in alice.list_organizations(all_orgs=True)) == ["acme", "globex", "initech"]
    changed = alice.update_organization(made["id"], name="initech", website_url="https://initech.test", locked=True)
    assert (changed["website_url"], changed["locked"], changed["description"]) == ("https://initech.test", True, "Printers")
    alice.delete_organization(made["id"])
    assert "initech" not in [org["name"] for org in alice.list_organizations(all_orgs=True)]
    assert checked(raw(mock, ADMIN, "GET", f"/api/orgs/{made['id']}"), 404, made["id"])


def test_org_changes_that_would_break_something_are_refused_clearly(alice, bob, mock):
    refused(lambda: bob.list_organizations(all_orgs=True), 403, "Listing every org needs an admin of the installation (an admin of its primary org, 'acme'); 'bob' is not one.")
    checked(raw(mock, MEMBER, "POST", "/api/orgs", json={"name": "bobco", "email": "b@bobco.test"}), 403, "bob")
    checked(raw(mock, ADMIN, "POST", "/api/orgs", json={"name": "globex", "email": "x@y.test"}), 409, "globex")
    checked(raw(mock, ADMIN, "POST", "/api/orgs", json={"name": "bob", "email": "x@y.test"}), 409, "user", "bob")
    bad = checked(raw(mock, ADMIN, "POST", "/api/orgs", json={"name": "Bad Name", "email": "not-an-email"}), 422)
    assert set(bad["errors"]) == {"name", "email"}
    acme = alice.primary_org
    refused(lambda: alice.update_organization(acme["id"], name="acme2"), 422, "does not rename orgs")
    refused(lambda: alice.delete_organization(acme["id"]), 422, "'acme' is the primary org: the installation needs it")
    # An org's admin changes it, but not its lock or limit, which the spec keeps for the installation's admin.
    carol = SaturnConnection(url=mock.base_url, api_token=mock.token(OTHER_ORG_ADMIN))
    globex = [org for org in alice.list_organizations(all_orgs=True) if org["name"] == "globex"][0]
    assert carol.update_organization(globex["id"], description="Changed by carol")["description"] == "Changed by carol"
    assert checked(raw(mock, OTHER_ORG_ADMIN, "PATCH", f"/api/orgs/{globex['id']}", json={"locked": True}), 403, "Locking an org or setting its usage limit")
    assert checked(raw(mock, MEMBER, "PATCH", f"/api/orgs/{acme['id']}", json={"name": "x"}), 403, "Changing the org in org 'acme' needs an org admin")
    made = alice.create_organization("initech", "boss@initech.test")
    alice.create_shared_folder("data", "org", owner_name="initech/alice")
    refused(lambda: alice.delete_organization(made["id"]), 409, "shared folder 'initech/alice/data'")
    lonely = alice.create_organization("lonely", "x@lonely.test")
    httpx.post(f"{mock.url}/_mock/tokens", json={"username": "zed", "org": "lonely"}).raise_for_status()
    refused(lambda: alice.delete_organization(lonely["id"]), 409, "user 'zed', whose only org it is")


def test_members_and_owners(alice, bob, mock):
    made = alice.create_organization("initech", "boss@initech.test")
    member = alice.add_orgmember(made["id"], bob.current_user["id"])
    assert (member["name"], member["org_admin"], member["org"]["name"], member["user"]["username"]) == ("initech/bob", False, "initech", "bob")
    assert [owner["name"] for owner in alice.get_owners(made["id"])] == ["initech/alice", "initech/bob"]
    # A member sees itself unless it asks for every user; no groups are defined.
    assert [owner["name"] for owner in bob.get_owners(made["id"])] == ["initech/bob"]
    assert [owner["name"] for owner in bob.get_owners(made["id"], all_users=True, all_groups=True)] == ["initech/alice", "initech/bob"]
    assert bob.get_owners(made["id"], groups_only=True) == []
    detailed = alice.get_owners(made["id"], details=True)
    assert [(owner["org"]["name"], owner["user"]["username"], owner["org_admin"]) for owner in detailed] == [("initech", "alice", True), ("initech", "bob", False)]
    assert checked(raw(mock, MEMBER, "POST", f"/api/orgs/{made['id']}/members", json={"user_id": "carol"}), 403, "bob")
    assert checked(raw(mock, ADMIN, "POST", f"/api/orgs/{made['id']}/members", json={"user_id": "nobody"}), 404, "nobody")
    carol = SaturnConnection(url=mock.base_url, api_token=mock.token(OTHER_ORG_ADMIN))
    assert checked(raw(mock, OTHER_ORG_ADMIN, "GET", f"/api/orgs/{made['id']}/owners"), 404)


def test_stop_and_delete_every_resource_in_an_org(alice, bob, mock):
    # saturn-client walks every recipe of every user and reads state.status, which Saturn's image recipes do not
    # have: the image these jobs run is the org's own, since a user's images would stop it (README).
    runner = {"schema_version": "2025.10.01", "type": "image", "spec": {
        "name": "runner", "owner": "acme", "access": "org", "versions": [{"name": "v1", "image_uri": "registry.example/runner:1"}]}}
    assert raw(mock, ADMIN, "PUT", "/api/recipes", json=runner).status_code == 201
    httpx.post(f"{mock.url}/_mock/clock", json={"set": "2026-06-01T12:00:00Z"}).raise_for_status()
    for connection in (bob, carl(mock)):
        applied = connection.apply({**JOB, "spec": {**JOB["spec"], "image": "runner:v1"}})
        connection.start("job", applied["state"]["id"])
    httpx.post(f"{mock.url}/_mock/clock", json={"advance_seconds": 10}).raise_for_status()
    acme = alice.primary_org["id"]
    alice.stop_all_resources_in_org(acme)
    assert {job["spec"]["owner"]: job["state"]["status"] for job in alice.list_resources("job")} == {"acme/bob": "stopping", "acme/carl": "stopping"}
    alice.delete_all_resources_in_org(acme, dryrun=True)
    assert len(alice.list_resources("job")) == 2
    refused(lambda: alice.delete_all_resources_in_org(acme, dryrun=False), 409, "stopping")  # deleting waits for the stop
    httpx.post(f"{mock.url}/_mock/clock", json={"advance_seconds": 5}).raise_for_status()
    alice.delete_all_resources_in_org(acme, dryrun=False)
    assert alice.list_resources("job") == []


def test_invitations_are_kept_and_sent_nowhere(alice, bob, mock):
    acme = alice.primary_org["id"]
    invitation = alice.invite(acme, "new@acme.test", "New Person", "Alice", send_email=False)
    assert (invitation["email"], invitation["status"], invitation["org_name"], invitation["invitor"]["username"]) == ("new@acme.test", "pending", "acme", "alice")
    listed = raw(mock, ADMIN, "GET", f"/api/orgs/{acme}/invitations").json()["invitations"]
    assert [each["id"] for each in listed] == [invitation["id"]]
    assert checked(raw(mock, MEMBER, "POST", f"/api/orgs/{acme}/invitations", json={"email": "x@y.test"}), 403, "bob")
    assert checked(raw(mock, ADMIN, "POST", f"/api/orgs/{acme}/invitations", json={"email": "nobody"}), 422, "email")


def test_users_made_changed_locked_and_deleted(alice, bob, mock):
    dave = alice.create_user("dave", "dave@acme.test")
    assert (dave["username"], dave["email"], dave["admin"], dave["locked"]) == ("dave", "dave@acme.test", False, False)
    assert alice.get_user(dave["id"]) == {"id": dave["id"], "avatar_url": "", "username": "dave"}
    assert [user["username"] for user in alice.get_all_users()] == ["alice", "bob", "carol", "dave"]
    acme = alice.primary_org["id"]
    assert [user["email"] for user in alice.get_all_users(org_id=acme, details=True)] == ["alice@acme.test", "bob@acme.test", "dave@acme.test"]
    changed = alice.update_user(dave["id"], email="dave@example.test", full_name="Dave D")
    assert (changed["email"], changed["full_name"]) == ("dave@example.test", "Dave D")
    # A user changes itself; saturn-client sends admin=False and locked=False with every update.
    assert bob.update_user(bob.current_user["id"], full_name="Bobby")["full_name"] == "Bobby"
    assert alice.get_all_users(details=True)[0]["admin"] is True  # alice's own update_user calls leave her an admin
    alice.update_user(alice.current_user["id"], full_name="Alice A")
    assert alice.get_all_users(details=True)[0]["admin"] is True
    refused(lambda: bob.update_user(bob.current_user["id"], locked=True), 403, "bob")
    refused(lambda: alice.update_user(dave["id"], username="david"), 422, "does not rename users")
    # A locked user's token is refused.
    token = httpx.post(f"{mock.url}/_mock/tokens", json={"username": "dave", "org": "acme"}).raise_for_status().json()["token"]
    assert httpx.get(f"{mock.url}/api/user", headers={"Authorization": f"token {token}"}).status_code == 200
    alice.update_user(dave["id"], locked=True)
    locked_out = httpx.get(f"{mock.url}/api/user", headers={"Authorization": f"token {token}"})
    assert locked_out.status_code == 403 and "locked" in locked_out.json()["message"]
    alice.delete_user(dave["id"])
    assert "dave" not in [user["username"] for user in alice.get_all_users()]
    refused(lambda: alice.get_user(dave["id"]), 404)


def test_user_changes_that_would_break_something_are_refused_clearly(alice, bob, mock, imported):
    refused(lambda: bob.create_user("eve", "eve@acme.test"), 403, "bob")
    refused(lambda: alice.create_user("bob", "other@acme.test"), 409, "bob")
    refused(lambda: alice.create_user("Eve!", "eve@acme.test"), 422, "username")
    refused(lambda: alice.create_user("eve", "eve"), 422, "email")
    assert checked(raw(mock, ADMIN, "DELETE", f"/api/users/{alice.current_user['id']}"), 422, "itself")
    bob.apply(JOB)
    assert checked(raw(mock, ADMIN, "DELETE", f"/api/users/{bob.current_user['id']}"), 409, "job 'acme/bob/nightly'")
    # bob sees himself and the members of his org, acme; carol, of globex only, he does not.
    assert [user["username"] for user in bob.get_all_users()] == ["alice", "bob"]
    refused(lambda: bob.get_user("carol"), 404)


def test_the_preferred_org_is_where_requests_that_name_none_land(alice, bob, mock):
    made = alice.create_organization("initech", "boss@initech.test")
    refused_answer = raw(mock, MEMBER, "POST", "/api/user/preferences", json={"user_id": bob.current_user["id"], "default_org_id": made["id"]})
    assert refused_answer.status_code == 422 and "not an org bob belongs to" in refused_answer.text
    alice.add_orgmember(made["id"], bob.current_user["id"])
    preferences = bob.set_preferred_org(bob.current_user["id"], made["id"])
    assert (preferences["default_org_id"], preferences["default_owner"]["name"]) == (made["id"], "initech/bob")
    assert raw(mock, MEMBER, "POST", "/api/shared_folders", json={"name": "mine"}).json()["owner"]["name"] == "initech/bob"
    assert raw(mock, MEMBER, "GET", "/api/user/preferences").json()["default_org_id"] == made["id"]
    assert checked(raw(mock, MEMBER, "POST", "/api/user/preferences", json={"user_id": alice.current_user["id"], "default_org_id": made["id"]}),
                   403, "Setting another user's default org needs an admin of the installation", "'bob' is not one")


def test_service_accounts(alice, bob, mock):
    account = alice.create_service_account("reader", "arn:aws:iam::1:role/reader")
    assert (account["name"], account["cloud_role"], account["auto_associate"]) == ("reader", "arn:aws:iam::1:role/reader", False)
    assert alice.associate_service_account(account["id"], "user", bob.current_user["id"])["id"] == account["id"]
    listed = raw(mock, ADMIN, "GET", "/api/service_accounts").json()["service_accounts"]
    assert [each["name"] for each in listed] == ["reader"]
    refused(lambda: alice.create_service_account("reader", "other"), 409, "reader")
    refused(lambda: bob.create_service_account("mine", "role"), 403, "bob")
    refused(lambda: alice.associate_service_account(account["id"], "user", "nobody"), 404, "nobody")
    refused(lambda: alice.associate_service_account(account["id"], "robot", "x"), 422, "identity_type")
    refused(lambda: alice.associate_service_account("no-such-account", "user", "bob"), 404, "no-such-account")


def test_shared_folders(alice, bob, mock):
    shared = alice.create_shared_folder("data", "org")
    assert (shared["name"], shared["owner"]["name"], shared["access"], shared["access_mode"], shared["editable"]) == ("data", "acme/alice", "org", "ReadWriteMany", True)
    private = alice.create_shared_folder("scratch", "owner", access_mode="ReadOnlyMany", owner_name="acme/alice")
    assert alice.get_shared_folder(private["id"])["access_mode"] == "ReadOnlyMany"
    assert [folder["name"] for folder in alice.get_all_shared_folders()] == ["data", "scratch"]
    # bob sees what is shared with the org, and cannot change it.
    assert [(folder["name"], folder["editable"]) for folder in bob.get_all_shared_folders()] == [("data", False)]
    assert checked(raw(mock, MEMBER, "GET", f"/api/shared_folders/{private['id']}"), 404)
    assert checked(raw(mock, MEMBER, "DELETE", f"/api/shared_folders/{shared['id']}"), 403, "bob")
    assert checked(raw(mock, MEMBER, "POST", "/api/shared_folders", json={"name": "x", "owner_name": "acme/alice"}), 403, "bob")
    assert checked(raw(mock, ADMIN, "POST", "/api/shared_folders", json={"name": "data", "owner_name": "acme/alice"}), 409, "data")
    bad = checked(raw(mock, ADMIN, "POST", "/api/shared_folders", json={"name": "Data!", "access": "world", "access_mode": "rw"}), 422)
    assert set(bad["errors"]) == {"name", "access", "access_mode"}
    renamed = raw(mock, ADMIN, "PATCH", f"/api/shared_folders/{private['id']}", json={"name": "scratch2", "access": "org"}).json()
    assert (renamed["name"], renamed["access"]) == ("scratch2", "org")
    alice.delete_shared_folder(shared["id"])
    assert [folder["name"] for folder in bob.get_all_shared_folders()] == ["scratch2"]


def test_usage_limits(alice, bob, mock):
    acme = alice.primary_org["id"]
    small = alice.create_usage_limit(UsageLimitCreate(org_id=acme, name="small", is_default=True, num_instances=2, instance_sizes=["medium"]))
    assert (small.name, small.is_default, small.num_instances, small.instance_sizes, small.hours_per_day) == ("small", True, 2, ["medium"], None)
    large = alice.create_usage_limit(UsageLimitCreate(org_id=acme, name="large", is_default=True, hours_per_day=24))
    # One default per org: the newer one takes its place.
    assert {limit.name: limit.is_default for limit in bob.get_all_usage_limits()} == {"large": True, "small": False}
    # saturn-client's patch sends every field: those it leaves None clear their caps.
    patched = alice.patch_usage_limit(small.id, UsageLimitPatch(name="smaller", is_default=False, num_instances=1))
    assert (patched.name, patched.num_instances, patched.instance_sizes) == ("smaller", 1, None)
    refused(lambda: bob.create_usage_limit(UsageLimitCreate(org_id=acme, name="mine", is_default=False)), 403, "bob")
    refused(lambda: alice.create_usage_limit(UsageLimitCreate(org_id=acme, name="large", is_default=False)), 409, "large")
    refused(lambda: alice.create_usage_limit(UsageLimitCreate(org_id=acme, name="huge", is_default=False, instance_sizes=["galactic"])), 422, "galactic")
    answer = raw(mock, ADMIN, "POST", "/api/limits", json={"name": "tf", "token_factory_enabled": True})
    assert answer.status_code == 422 and "token_factory_enabled" in answer.json()["errors"]
    alice.update_organization(acme, limits_id=large.id)
    assert alice.get_organization(acme)["limits_id"] == large.id
    refused(lambda: alice.delete_usage_limit(large.id), 409, "org 'acme'")
    alice.delete_usage_limit(patched.id)
    assert [limit.name for limit in alice.get_all_usage_limits()] == ["large"]


def test_usage_counts_the_hours_each_run_ran_times_its_cores(alice, bob, mock, imported):
    httpx.post(f"{mock.url}/_mock/clock", json={"set": "2026-06-01T12:00:00Z"}).raise_for_status()
    deployment = {"schema_version": "2025.10.01", "type": "deployment",
                  "spec": {"name": "api", "image": "saturn:2021.11.10", "instance_type": "large", "command": "python serve.py"}}
    applied = bob.apply(deployment)  # "large": 2 cores; a deployment runs until it is stopped
    bob.start("deployment", applied["state"]["id"])
    httpx.post(f"{mock.url}/_mock/clock", json={"advance_seconds": 3600}).raise_for_status()
    acme = alice.primary_org["id"]
    [day] = alice.get_org_usage(acme, dt.datetime(2026, 6, 1), dt.datetime(2026, 6, 2))
    assert (day["date"], day["instance_type"], day["resource_type"], day["dollars"]) == ("2026-06-01", "large", "deployment", 0)
    assert 1.99 < day["hours"] <= 2.0  # an hour less the seconds it took to pull, on 2 cores
    assert bob.get_user_usage(acme, bob.current_user["id"], "2026-06-01", "2026-06-02") == [day]
    assert alice.get_user_usage(acme, alice.current_user["id"], "2026-06-01", "2026-06-02") == []
    assert alice.get_org_usage(acme, "2026-05-01", "2026-05-31") == []
    refused(lambda: bob.get_org_usage(acme, "2026-06-01", "2026-06-02"), 403, "bob")
    refused(lambda: alice.get_org_usage(acme, "yesterday", "2026-06-02"), 422, "start")
    refused(lambda: alice.get_org_usage(acme, "2026-06-03", "2026-06-02"), 422, "after end")


def test_no_subscription_is_billed(alice, bob, mock):
    assert alice.get_org_subscription(alice.primary_org["id"]) is None
    assert checked(raw(mock, MEMBER, "GET", "/api/billing/info?org_id=no-such-org"), 404, "no-such-org")


def test_resource_templates(alice, bob, mock):
    made = alice.create_resource_template("org", "A nightly job", "nightly-job", {**JOB, "spec": {**JOB["spec"], "owner": "acme/alice"}}, "", 1)
    assert (made["name"], made["owner"]["name"], made["resource_type"], made["access"]) == ("nightly-job", "acme/alice", "job", "org")
    assert "owner" not in made["recipe"]["spec"]  # a template has no owner: it is one for whoever starts from it
    assert [each["id"] for each in bob.list_resource_templates(owner="acme/alice", name="nightly")] == [made["id"]]
    assert bob.list_resource_templates(resource_type="workspace") == []
    assert alice.get_resource_template(made["id"]) == made
    changed = alice.update_resource_template(made["id"], description="Every night", in_gallery=True)
    assert (changed["description"], changed["in_gallery"]) == ("Every night", True)
    assert checked(raw(mock, MEMBER, "PATCH", f"/api/resource_templates/{made['id']}", json={"weight": 2}), 403, "bob")
    bad = checked(raw(mock, ADMIN, "POST", "/api/resource_templates", json={"name": "broken", "recipe": {"type": "job", "spec": {}}}), 422)
    assert all(path.startswith("recipe.") for path in bad["errors"]), bad
    image = checked(raw(mock, ADMIN, "POST", "/api/resource_templates", json={"name": "img", "recipe": {"schema_version": "2025.10.01", "type": "image", "spec": {"name": "x"}}}), 422)
    assert "workspace, job or deployment" in image["message"]
    assert checked(raw(mock, ADMIN, "GET", "/api/resource_templates", params={"q": "colour:blue"}), 422, "colour")
    alice.delete_resource_template(made["id"])
    assert alice.list_resource_templates() == []


def test_a_deleted_user_stays_deleted_with_its_tokens(alice, mock):
    minted = httpx.post(f"{mock.url}/_mock/tokens", json={"username": "zed", "org": "acme"}).raise_for_status().json()
    zed = {"Authorization": f"token {minted['token']}"}
    zed_id = httpx.get(f"{mock.url}/api/user", headers=zed).raise_for_status().json()["id"]
    alice.delete_user(zed_id)
    assert httpx.get(f"{mock.url}/api/user", headers=zed).status_code == 401
    refused(lambda: alice.create_user("zed", "zed@acme.test"), 422, "deleted", "not used again")
    again = httpx.post(f"{mock.url}/_mock/tokens", json={"username": "zed", "org": "acme"})
    assert again.status_code == 422 and "deleted" in again.json()["errors"]["username"][0]
    # Moving on (another API write makes the tenant rebuild its directory) brings nothing back.
    alice.create_organization("initech", "boss@initech.test")
    assert httpx.get(f"{mock.url}/api/user", headers=zed).status_code == 401
    assert "zed" not in [user["username"] for user in alice.get_all_users()]


def test_a_users_memberships_are_the_apis_once_it_changed_them(alice, mock):
    made = alice.create_organization("initech", "boss@initech.test")
    minted = httpx.post(f"{mock.url}/_mock/tokens", json={"username": "zed", "org": "initech"}).raise_for_status().json()
    zed_id = httpx.get(f"{mock.url}/api/user", headers={"Authorization": f"token {minted['token']}"}).json()["id"]
    alice.add_orgmember(alice.primary_org["id"], zed_id)
    assert raw(mock, ADMIN, "DELETE", f"/api/orgs/{made['id']}/members/{zed_id}").status_code == 204
    # The token minted for initech does not bring the membership back; zed's requests land in acme now.
    assert [owner["name"] for owner in alice.get_owners(made["id"])] == ["initech/alice"]
    assert httpx.get(f"{mock.url}/api/user", headers={"Authorization": f"token {minted['token']}"}).status_code == 200
    again = httpx.post(f"{mock.url}/_mock/tokens", json={"username": "zed", "org": "initech"})
    assert again.status_code == 422 and "/api/orgs/{org_id}/members" in again.json()["errors"]["org"][0]
    assert httpx.post(f"{mock.url}/_mock/tokens", json={"username": "zed", "org": "acme"}).status_code == 201


def test_an_org_and_the_installation_keep_an_admin(alice, bob, mock):
    acme = alice.primary_org["id"]
    alice_id, bob_id = alice.current_user["id"], bob.current_user["id"]
    # alice is acme's only admin, so the installation's: she can neither step down nor leave.
    assert checked(raw(mock, ADMIN, "POST", f"/api/orgs/{acme}/members", json={"user_id": alice_id, "org_admin": False}), 409, "'alice' is the last admin of org 'acme'")
    assert checked(raw(mock, ADMIN, "PATCH", f"/api/orgs/{acme}/members/{alice_id}", json={"org_admin": False}), 409, "last admin")
    made = alice.create_organization("initech", "boss@initech.test")
    alice.add_orgmember(made["id"], bob_id)
    assert checked(raw(mock, ADMIN, "DELETE", f"/api/orgs/{made['id']}/members/{alice_id}"), 409, "'alice' is the last admin of org 'initech'")
    # With a second admin, she can.
    raw(mock, ADMIN, "PATCH", f"/api/orgs/{made['id']}/members/{bob_id}", json={"org_admin": True}).raise_for_status()
    assert raw(mock, ADMIN, "DELETE", f"/api/orgs/{made['id']}/members/{alice_id}").status_code == 204
    assert [(owner["name"], owner["org_admin"]) for owner in bob.get_owners(made["id"])] == [("initech/bob", True)]
    # Deleting a user who is some org's last admin is refused too.
    dave = alice.create_user("dave", "dave@acme.test")
    raw(mock, MEMBER, "POST", f"/api/orgs/{made['id']}/members", json={"user_id": dave["id"], "org_admin": True}).raise_for_status()
    raw(mock, MEMBER, "PATCH", f"/api/orgs/{made['id']}/members/{bob_id}", json={"org_admin": False}).raise_for_status()
    refused(lambda: alice.delete_user(dave["id"]), 409, "'dave' is the last admin of org 'initech'")


def test_limits_an_org_or_user_is_held_to(alice, bob, mock):
    acme = alice.primary_org["id"]
    made = alice.create_organization("initech", "boss@initech.test")
    own = alice.create_usage_limit(UsageLimitCreate(org_id=made["id"], name="initech-small", is_default=False))
    acme_limit = alice.create_usage_limit(UsageLimitCreate(org_id=acme, name="acme-small", is_default=False))
    # A new org has no limits; an org is held to one of its own, a user to one of its orgs'; null lets go.
    assert checked(raw(mock, ADMIN, "POST", "/api/orgs", json={"name": "hooli", "email": "x@hooli.test", "limits_id": own.id}), 422, "a new org has no usage limits yet")
    assert checked(raw(mock, ADMIN, "PATCH", f"/api/orgs/{made['id']}", json={"limits_id": acme_limit.id}), 422, "is not a usage limit of initech")
    assert alice.update_organization(made["id"], limits_id=own.id)["limits_id"] == own.id
    assert raw(mock, ADMIN, "PATCH", f"/api/orgs/{made['id']}", json={"limits_id": None}).json()["limits_id"] is None
    assert checked(raw(mock, ADMIN, "PATCH", f"/api/users/{bob.current_user['id']}", json={"limits_id": own.id}), 422, "is not a usage limit of acme")
    member = raw(mock, ADMIN, "POST", f"/api/orgs/{made['id']}/members", json={"user_id": bob.current_user["id"], "limits_id": own.id})
    assert member.status_code == 201 and member.json()["limits_id"] == own.id
    # Deleting the org takes its limits with it, and lets go of whoever was held to them.
    refused(lambda: alice.delete_usage_limit(own.id), 409, "user 'bob'")
    alice.delete_organization(made["id"])
    assert [limit.name for limit in alice.get_all_usage_limits()] == ["acme-small"]
    assert raw(mock, MEMBER, "GET", f"/api/users/{bob.current_user['id']}?details=true").status_code == 200
    assert raw(mock, ADMIN, "GET", f"/api/orgs/{acme}/members/{bob.current_user['id']}").json()["limits_id"] is None
    # saturn-client's patch_usage_limit may be handed the whole UsageLimit it was answered.
    acme_limit.num_instances = 3
    assert alice.patch_usage_limit(acme_limit.id, acme_limit).num_instances == 3
    assert checked(raw(mock, ADMIN, "PATCH", f"/api/limits/{acme_limit.id}", json={"org_id": made["id"], "name": "x"}), 422, "a limit stays in its org")


def test_who_is_an_admin_and_what_a_locked_user_keeps(alice, bob, mock):
    carol = SaturnConnection(url=mock.base_url, api_token=mock.token(OTHER_ORG_ADMIN))
    # "admin" is the installation's admin, whatever the user's default org.
    assert (alice.current_user["admin"], bob.current_user["admin"], carol.current_user["admin"]) == (True, False, False)
    # Fields of Saturn's UserUpdate the mock holds at one value.
    assert raw(mock, MEMBER, "PATCH", f"/api/users/{bob.current_user['id']}", json={"active": True, "is_multiple_ssh_keys": False}).status_code == 200
    assert checked(raw(mock, MEMBER, "PATCH", f"/api/users/{bob.current_user['id']}", json={"active": False}), 422, "active")
    # A locked user's refresh token is refused as its access token is.
    minted = httpx.post(f"{mock.url}/_mock/tokens", json={"username": "zed", "org": "acme"}).raise_for_status().json()
    zed = httpx.get(f"{mock.url}/api/user", headers={"Authorization": f"token {minted['token']}"}).json()
    alice.update_user(zed["id"], locked=True)
    refreshed = httpx.post(f"{mock.url}/api/auth/token", json={"grant_type": "refresh_token", "refresh_token": minted["refresh_token"]})
    assert refreshed.status_code == 403 and refreshed.json()["error_code"] == "user_locked"


def test_a_deleted_orgs_name_is_not_used_again(alice, mock):
    made = alice.create_organization("initech", "boss@initech.test")
    alice.delete_organization(made["id"])
    minted = httpx.post(f"{mock.url}/_mock/tokens", json={"username": "initech", "org": "acme"})
    assert minted.status_code == 422 and "deleted" in minted.json()["errors"]["username"][0]
    refused(lambda: alice.create_organization("initech", "boss@initech.test"), 422, "not used again")


def test_a_tenant_with_administration_has_no_state_document_but_a_snapshot(alice, mock):
    assert httpx.get(f"{mock.url}/_mock/state").status_code == 200
    alice.create_shared_folder("data", "org")
    alice.delete_user(httpx.get(f"{mock.url}/api/user", headers=mock.headers(MEMBER)).json()["id"])
    refused_export = httpx.get(f"{mock.url}/_mock/state")
    assert refused_export.status_code == 409 and refused_export.json()["error_code"] == "state_not_portable"
    assert "shared_folder, user" in refused_export.json()["message"] and "PUT /_mock/snapshots/NAME" in refused_export.json()["message"]
    # The snapshot keeps them; a tenant made from it hands out no token of the deleted user.
    httpx.put(f"{mock.url}/_mock/snapshots/admin").raise_for_status()
    made = httpx.post(f"{mock.url}/_mock/tenants", json={"from_snapshot": "admin"}).raise_for_status().json()
    try:
        assert sorted(user["username"] for user in made["users"]) == ["alice", "carol"]
        copy = SaturnConnection(url=made["base_url"], api_token=[user["token"] for user in made["users"] if user["username"] == "alice"][0])
        assert [folder["name"] for folder in copy.get_all_shared_folders()] == ["data"]
    finally:
        httpx.delete(f"{mock.url.split('/t/')[0]}/_mock/tenants/{made['name']}").raise_for_status()


def test_invitations_come_oldest_first_and_once_an_address(alice, mock):
    httpx.post(f"{mock.url}/_mock/clock", json={"set": "2026-06-01T12:00:00Z"}).raise_for_status()
    acme = alice.primary_org["id"]
    sent = []
    for index in range(4):
        sent.append(alice.invite(acme, f"person{index}@acme.test", "Person", "Alice")["id"])
        httpx.post(f"{mock.url}/_mock/clock", json={"advance_seconds": 1}).raise_for_status()
    assert alice.invite(acme, "person1@acme.test", "Person", "Alice")["id"] == sent[1]
    listed = raw(mock, ADMIN, "GET", f"/api/orgs/{acme}/invitations?page_size=3").json()
    assert [each["id"] for each in listed["invitations"]] == sent[:3]
    rest = raw(mock, ADMIN, "GET", f"/api/orgs/{acme}/invitations", params={"page_size": 3, "next_key": listed["next_key"]}).json()
    assert [each["id"] for each in rest["invitations"]] == sent[3:]
    both = raw(mock, ADMIN, "GET", f"/api/orgs/{acme}/invitations", params={"next_key": listed["next_key"], "prev_key": listed["next_key"]})
    assert both.status_code == 422 and "not both" in both.json()["errors"]["prev_key"][0]


def test_usage_is_asked_for_a_year_at_a_time(alice, mock):
    refused(lambda: alice.get_org_usage(alice.primary_org["id"], "2025-01-01", "2026-06-01"), 422, "more than 366 days")
