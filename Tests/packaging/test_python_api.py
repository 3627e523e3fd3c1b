"""The Python API of the installed wheel: MockServer starts, serves and stops the bundled binary; ControlPlane and
Tenant drive the control plane. Requests to the Saturn API go through the standard library, as a test would."""

import http.server
import json
import os
import signal
import threading
import urllib.error
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

import pytest

from saturn_mock import ControlError, ControlPlane, MockServer, ServerError

IMAGE = {"type": "image", "spec": {"name": "trainer", "versions": [{"name": "v1", "image_uri": "example.com/trainer:v1"}]}}


def api(url, token, method="GET", body=None):
    """One Saturn API call; answers (status, JSON body)."""
    request = urllib.request.Request(
        url, method=method, data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.fixture(scope="module")
def server():
    with MockServer() as running:
        yield running


@pytest.fixture
def tenant(server):
    made = server.create_tenant()
    yield made
    made.delete()


def test_a_server_serves_the_demo_seed_in_memory_and_stops_cleanly():
    with MockServer() as server:
        assert server.url.startswith("http://127.0.0.1:")
        assert server.control.health()["store"]["kind"] == "memory"
        assert api(f"{server.url}/api/user", "alice-admin-token")[1]["username"] == "alice"
        log = server.log_path
    assert not log.exists(), "the server's temporary folder is removed when it stops"
    with pytest.raises(ServerError, match="saturn-mock is not running: start\\(\\) it first"):
        server.url


def test_a_data_folder_keeps_recipes_across_servers(tmp_path):
    with MockServer(data_dir=tmp_path / "store") as server:
        assert api(f"{server.url}/api/recipes", "alice-admin-token", "PUT", IMAGE)[0] == 201
    with MockServer(data_dir=tmp_path / "store") as server:
        assert server.control.health()["store"]["kind"] == "journal"
        status, listed = api(f"{server.url}/api/recipes", "alice-admin-token")
        assert [recipe["spec"]["name"] for recipe in listed["recipes"]] == ["trainer"]


def test_a_server_that_cannot_start_says_why(tmp_path):
    seed = tmp_path / "seed.json"
    seed.write_text('{"orgs": []')
    with pytest.raises(ServerError, match="exited with status 1 before it served") as failure:
        MockServer(seed=seed).start()
    assert f"seed file {seed}" in str(failure.value), "the error ends with the server's own message"


def test_bad_serve_arguments_are_the_servers_own_error():
    with pytest.raises(ServerError, match="--log-level must be one of"):
        MockServer(args=["--log-level", "loud"]).start()


def test_a_server_that_does_not_exit_0_fails_its_stop():
    server = MockServer().start()
    os.kill(_pid(server), signal.SIGKILL)
    with pytest.raises(ServerError, match=f"saturn-mock exited with status {-signal.SIGKILL} when stopped"):
        server.stop()


def test_a_server_that_does_not_stop_in_time_is_killed_and_said_so():
    server = MockServer(stop_timeout=0.5).start()
    os.kill(_pid(server), signal.SIGSTOP)
    with pytest.raises(ServerError, match="saturn-mock did not stop within 0.5 seconds of SIGTERM"):
        server.stop()


def test_a_server_that_does_not_serve_in_time_is_killed_and_said_so():
    with pytest.raises(ServerError, match="saturn-mock did not serve within 0 seconds"):
        MockServer(start_timeout=0).start()


def test_a_running_server_is_not_started_twice():
    with MockServer() as server:
        with pytest.raises(ServerError, match="saturn-mock is already running"):
            server.start()


def test_an_error_that_is_not_the_mocks_json_is_still_a_control_error():
    class NotTheMock(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.send_error(404, "Not Found")

        def log_message(self, *arguments):
            pass

    other = http.server.HTTPServer(("127.0.0.1", 0), NotTheMock)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    try:
        with pytest.raises(ControlError) as failure:
            ControlPlane(f"http://127.0.0.1:{other.server_port}").create_tenant()
        assert (failure.value.status, failure.value.error_code) == (404, "unknown")
        assert "Not Found" in failure.value.message
    finally:
        other.shutdown()


def _pid(server: MockServer) -> int:
    """The server's process, found by the temporary folder its command line names."""
    [pid] = [int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit() and _runs_from(entry, server.log_path.parent)]
    return pid


def _runs_from(process: Path, folder: Path) -> bool:
    try:
        return str(folder).encode() in (process / "cmdline").read_bytes()
    except OSError:
        return False


def test_a_tenant_is_an_installation_of_its_own(server, tenant):
    assert tenant.base_url == f"{server.url}/t/{tenant.name}/"
    assert set(tenant.tokens) == {"alice", "bob", "carol"}
    assert api(f"{tenant.base_url}api/recipes", tenant.tokens["alice"], "PUT", IMAGE)[0] == 201
    assert api(f"{server.url}/api/recipes", "alice-admin-token")[1]["recipes"] == [], "the default tenant sees none of it"


def test_a_named_tenant_and_its_deletion(server):
    tenant = server.create_tenant("it-named")
    assert tenant.name == "it-named"
    tenant.delete()
    with pytest.raises(ControlError) as failure:
        tenant.delete()
    assert (failure.value.status, failure.value.error_code) == (404, "tenant_not_found")


def test_a_fault_answers_in_place_of_the_api_and_the_journal_says_so(tenant):
    rule = tenant.add_fault(method="PUT", path="/api/recipes", status=503, times=1)
    assert api(f"{tenant.base_url}api/recipes", tenant.tokens["alice"], "PUT", IMAGE)[0] == 503
    assert api(f"{tenant.base_url}api/recipes", tenant.tokens["alice"], "PUT", IMAGE)[0] == 201
    journal = tenant.requests(method="PUT", path="/api/recipes")
    assert [(entry["status"], entry["fault"]) for entry in journal] == [(503, rule["id"]), (201, None)]
    assert tenant.requests(status="5xx", since=datetime(2000, 1, 1)) == tenant.requests(status=503) == journal[:1]
    assert tenant.requests(caller="alice") == journal[1:], "a fault answers before the caller is known"


def test_moving_the_clock(tenant):
    assert tenant.move_clock(to=datetime(2030, 1, 2, 3, 4, 5, tzinfo=timezone.utc)) == {"now": "2030-01-02T03:04:05Z", "frozen": True}
    assert tenant.move_clock(advance_seconds=60) == {"now": "2030-01-02T03:05:05Z", "frozen": True}
    assert tenant.move_clock(frozen=False)["frozen"] is False


def test_a_minted_token_that_has_expired(tenant):
    minted = tenant.mint_token("dave", "acme", "admin", expires_in=0)
    status, answer = api(f"{tenant.base_url}api/user", minted["token"])
    assert status == 401 and "expired" in answer["message"]
    assert api(f"{tenant.base_url}api/user", tenant.mint_token("erin", "acme", "member")["token"])[1]["username"] == "erin"


@pytest.mark.parametrize("call, status, message", [
    (lambda tenant: tenant.add_fault(path="/api/recipes", status=99), 422, "status"),
    (lambda tenant: tenant.move_clock(), 422, "give set, advance_seconds or frozen"),
    (lambda tenant: tenant.move_clock(to="noon"), 422, "not 'noon'"),
    (lambda tenant: tenant.mint_token("dave", "acme", "owner"), 422, "role"),
    (lambda tenant: tenant.requests(status="teapot"), 422, "status"),
])
def test_a_refused_control_call_says_why(tenant, call, status, message):
    with pytest.raises(ControlError) as failure:
        call(tenant)
    assert failure.value.status == status
    assert message in failure.value.message
    assert f"answered {status} {failure.value.error_code}: " in str(failure.value)


def test_a_control_token_is_sent_when_the_server_needs_one():
    with MockServer(args=["--control-token", "s3cret"]) as server:
        with pytest.raises(ControlError) as failure:
            server.create_tenant()
        assert failure.value.status == 401
        tenant = ControlPlane(server.url, control_token="s3cret").create_tenant()
        assert tenant.add_fault(path="/api/user", status=500)["id"] == "f1"
