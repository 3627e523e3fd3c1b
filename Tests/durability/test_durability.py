"""The durable store as a user meets it: kill -9, a second server, a full disk, a folder gone read-only."""

import importlib.machinery
import importlib.util
import io
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import httpx
import pytest

from harness import BINARY, DOCUMENT_RECIPE, REPOSITORY, SEED_ADMIN_TOKEN, start_mock, stop_mock

HEADERS = {"Authorization": f"Bearer {SEED_ADMIN_TOKEN}"}


def load_crash_harness():
    loader = importlib.machinery.SourceFileLoader("crash_test", str(REPOSITORY / "scripts" / "crash-test"))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader("crash_test", loader))
    loader.exec_module(module)
    return module


def recipe(name, versions=1):
    """An image whose versions each carry a 4,000-character description (the limit is 4,096), to fill a disk."""
    return {"type": "image", "spec": {"name": name, "versions": [
        {"name": f"v{index}", "image_uri": f"registry.example/saturn-{name}:{index}", "description": "x" * 4_000}
        for index in range(versions)]}}


def test_kill_9_loses_no_acknowledged_apply():
    output = io.StringIO()
    acknowledged, lost, tenants, broken, jobs, wrong_jobs = load_crash_harness().run(trials=3, writers=8, binary=BINARY, seed=7, out=output)
    print(output.getvalue())
    assert acknowledged > 0 and tenants > 0 and jobs > 0
    assert lost == 0 and broken == 0 and wrong_jobs == 0, output.getvalue()


def test_a_second_server_on_the_same_folder_names_the_first_ones_pid(tmp_path):
    first = start_mock(tmp_path)
    try:
        second = subprocess.run(
            [str(BINARY), "serve", "--port", "0", "--data-dir", str(first.data_dir), "--seed", str(REPOSITORY / "data" / "seed.json")],
            capture_output=True, text=True, timeout=30)
        assert second.returncode != 0
        assert (f"the data folder {first.data_dir} is in use by another saturn-mock (pid {first.process.pid}); "
                "stop it, or give another --data-dir") in second.stderr
    finally:
        assert stop_mock(first) == 0


def test_a_full_disk_is_a_503_and_reads_go_on(tmp_path):
    # RLIMIT_FSIZE stands in for a full disk: writes past 64 KiB fail with EFBIG, as ENOSPC would.
    server = start_mock(tmp_path, file_size_limit_kib=64)
    try:
        assert httpx.put(f"{server.url}/api/recipes", json=recipe("small"), headers=HEADERS).status_code == 201
        refused = httpx.put(f"{server.url}/api/recipes", json=recipe("huge", versions=25), headers=HEADERS)
        assert refused.status_code == 503
        assert refused.json()["error_code"] == "store_unavailable"
        assert "File too large" in refused.json()["message"]
        listed = httpx.get(f"{server.url}/api/recipes", headers=HEADERS)
        assert listed.status_code == 200
        assert [r["spec"]["name"] for r in listed.json()["recipes"]] == ["small"], "the failed write is not visible"
        assert httpx.put(f"{server.url}/api/recipes", json=recipe("after"), headers=HEADERS).status_code == 201
    finally:
        assert stop_mock(server) == 0
    restarted = start_mock(tmp_path / "again", data_dir=server.data_dir)
    try:
        names = [r["spec"]["name"] for r in httpx.get(f"{restarted.url}/api/recipes", headers=HEADERS).json()["recipes"]]
        assert names == ["after", "small"]
    finally:
        assert stop_mock(restarted) == 0


def as_nobody(command):
    """Runs as the unprivileged user `nobody`, so that file permissions apply (root ignores them)."""
    return ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--", *command]


def serve_as_nobody(tmp_path, data_dir, *extra):
    port_file = data_dir.parent / "port"
    port_file.unlink(missing_ok=True)
    log = open(tmp_path / "log", "a")
    process = subprocess.Popen(as_nobody([str(BINARY), "serve", "--port", "0", "--port-file", str(port_file),
                                          "--data-dir", str(data_dir), "--seed", str(REPOSITORY / "data" / "seed.json"), *extra]),
                               stdout=log, stderr=log)
    deadline = time.monotonic() + 20
    while not port_file.exists():
        assert process.poll() is None and time.monotonic() < deadline, (tmp_path / "log").read_text()
        time.sleep(0.01)
    return process, f"http://127.0.0.1:{port_file.read_text().strip()}"


@pytest.fixture
def nobody_folder():
    """A data folder that `nobody` owns, where it can reach it (pytest's own temporary folders are root's alone)."""
    parent = Path(tempfile.mkdtemp(prefix="saturn-mock-nobody-"))
    parent.chmod(0o777)
    folder = parent / "data"
    folder.mkdir()
    shutil.chown(folder, "nobody", "nogroup")
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(parent)


def test_a_folder_made_read_only_while_serving_loses_nothing(tmp_path, nobody_folder):
    # Linux refuses to make a mount read-only while a file on it is open for writing, and the journal stays open:
    # what a read-only folder refuses is a new file. Writes go on in the open journal; compaction waits, with a warning.
    process, url = serve_as_nobody(tmp_path, nobody_folder, "--compact-after-bytes", "2000")
    try:
        assert httpx.put(f"{url}/api/recipes", json=recipe("before"), headers=HEADERS).status_code == 201
        nobody_folder.chmod(0o555)
        for index in range(20):
            assert httpx.put(f"{url}/api/recipes", json=recipe(f"during-{index}"), headers=HEADERS).status_code == 201
        assert httpx.get(f"{url}/api/recipes", headers=HEADERS).status_code == 200
    finally:
        process.terminate()
        assert process.wait(timeout=15) == 0
    log = (tmp_path / "log").read_text()
    assert "cannot start a new journal, so compaction waits" in log and "Permission denied" in log
    assert log.count("cannot start a new journal") == 1, "the warning is given once, not at every write"
    nobody_folder.chmod(0o755)
    process, url = serve_as_nobody(tmp_path, nobody_folder)
    try:
        names = {r["spec"]["name"] for r in httpx.get(f"{url}/api/recipes", headers=HEADERS).json()["recipes"]}
        assert names == {"before", *(f"during-{index}" for index in range(20))}
    finally:
        process.terminate()
        assert process.wait(timeout=15) == 0


def test_a_read_only_folder_at_start_is_refused_with_the_reason(tmp_path, nobody_folder):
    nobody_folder.chmod(0o555)
    result = subprocess.run(as_nobody([str(BINARY), "serve", "--port", "0", "--data-dir", str(nobody_folder),
                                       "--seed", str(REPOSITORY / "data" / "seed.json")]),
                            capture_output=True, text=True, timeout=30)
    assert result.returncode != 0
    assert f"cannot write {nobody_folder}/saturn-mock.lock: Permission denied" in result.stderr


def test_orgs_users_folders_limits_and_templates_survive_a_kill_9_and_a_restart(tmp_path):
    """What the administration API keeps, acknowledged, is there after kill -9, and a deletion stays one."""
    server = start_mock(tmp_path / "first")
    api = lambda method, path, **arguments: httpx.request(method, f"{server.url}{path}", headers=HEADERS, **arguments)
    org = api("POST", "/api/orgs", json={"name": "initech", "email": "boss@initech.test"}).raise_for_status().json()
    user = api("POST", "/api/users", json={"username": "dave", "email": "dave@acme.test"}).raise_for_status().json()
    api("POST", f"/api/orgs/{org['id']}/members", json={"user_id": user["id"], "org_admin": True}).raise_for_status()
    folder = api("POST", "/api/shared_folders", json={"name": "data", "access": "org"}).raise_for_status().json()
    limit = api("POST", "/api/limits", json={"name": "small", "num_instances": 2}).raise_for_status().json()
    template = api("POST", "/api/resource_templates", json={"name": "nightly", "recipe": {
        "schema_version": "2025.10.01", "type": "job", "spec": {"name": "nightly", "image": "saturn:1", "instance_type": "large", "command": "true"}}}).raise_for_status().json()
    bob = api("GET", "/api/users?username=bob").json()["users"][0]
    api("DELETE", f"/api/users/{bob['id']}").raise_for_status()
    server.process.kill()
    server.process.wait()

    server = start_mock(tmp_path / "second", data_dir=server.data_dir)
    try:
        assert [owner["name"] for owner in api("GET", f"/api/orgs/{org['id']}/owners?details=true").json()["owners"]] == ["initech/alice", "initech/dave"]
        assert api("GET", f"/api/orgs/{org['id']}/members/{user['id']}").json()["org_admin"] is True
        assert api("GET", f"/api/shared_folders/{folder['id']}").json()["name"] == "data"
        assert api("GET", f"/api/limits/{limit['id']}").json()["num_instances"] == 2
        assert api("GET", f"/api/resource_templates/{template['id']}").json() == template
        assert "bob" not in [each["username"] for each in api("GET", "/api/users").json()["users"]]
        assert httpx.get(f"{server.url}/api/user", headers={"Authorization": "token bob-member-token"}).status_code == 401
    finally:
        assert stop_mock(server) == 0


def test_secrets_repositories_and_what_recipes_name_survive_a_kill_9_and_a_restart(tmp_path):
    """A secret keeps its value on disk and never shows it, a repository keeps its key, a recipe keeps what it names
    and still holds them from being deleted, after kill -9 and a restart."""
    value = "hunter2-kept-on-disk-only"
    server = start_mock(tmp_path / "first")
    api = lambda method, path, **arguments: httpx.request(method, f"{server.url}{path}", headers=HEADERS, **arguments)
    assert api("POST", "/api/recipes/apply", content=DOCUMENT_RECIPE.read_bytes()).status_code == 201
    secret = api("POST", "/api/secrets", json={"name": "db", "value": value, "access": "org"}).raise_for_status().json()
    repo = api("POST", "/api/external_repos", json={"remote_url": "git@github.com:saturncloud/examples.git", "ssh_privatekey_id": secret["id"]}).raise_for_status().json()
    job = api("POST", "/api/jobs", json={"name": "nightly", "command": "true", "image_uri": "public.ecr.aws/saturncloud/saturn:2021.11.10",
                                         "instance_size": "large", "external_repo_attachments": [{"external_repo_id": repo["id"]}]}).raise_for_status().json()
    recipe = api("GET", f"/api/jobs/{job['id']}/recipe").json()
    recipe["spec"]["secrets"] = [{"name": "db", "location": "DB_PASSWORD", "attachment_type": "environment_variable"}]
    assert api("PUT", "/api/recipes", json=recipe).status_code == 201
    assert value not in httpx.get(f"{server.url}/_mock/requests").text
    server.process.kill()
    server.process.wait()

    assert any(value in path.read_text() for path in server.data_dir.glob("journal-*.log")), "the value is kept, in the store's own files"
    server = start_mock(tmp_path / "second", data_dir=server.data_dir)
    try:
        assert api("GET", f"/api/secrets/{secret['id']}").json() == secret
        assert api("GET", f"/api/external_repos/{repo['id']}").json() == repo
        named = api("GET", f"/api/jobs/{job['id']}/recipe").json()["spec"]
        assert (named["secrets"][0]["name"], named["git_repositories"][0]["url"]) == ("db", repo["remote_url"])
        assert api("DELETE", f"/api/secrets/{secret['id']}").status_code == 409
        assert api("DELETE", f"/api/external_repos/{repo['id']}").status_code == 409
        for path in ("/api/secrets", f"/api/secrets/{secret['id']}", f"/api/jobs/{job['id']}/recipe", "/api/recipes?type=job"):
            assert value not in api("GET", path).text
        assert value not in httpx.get(f"{server.url}/_mock/state").text
        assert value not in (tmp_path / "first" / "saturn-mock.log").read_text() + (tmp_path / "second" / "saturn-mock.log").read_text()
    finally:
        assert stop_mock(server) == 0

