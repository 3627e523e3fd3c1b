"""The test harness: one saturn-mock per test run (per pytest-xdist worker) on port 0, and a tenant of its own for
each contract test, so that tests run in parallel against one server and never see each other. The durability
suite starts servers of its own (it kills them), with harness.start_mock and harness.stop_mock."""

import subprocess
import time

import httpx
import pytest

from harness import BINARY, DOCUMENT_RECIPE, SEED, Tenant


# --- The fixture the README shows: one server per run, one tenant per test. ---

@pytest.fixture(scope="session")
def saturn_mock(tmp_path_factory):
    """One saturn-mock for the test run, on a free port, keeping nothing on disk."""
    port_file = tmp_path_factory.mktemp("saturn-mock") / "port"
    server = subprocess.Popen([BINARY, "serve", "--port", "0", "--port-file", port_file, "--in-memory", "--seed", SEED])
    while not port_file.exists():
        assert server.poll() is None, "saturn-mock did not start"
        time.sleep(0.01)
    yield f"http://127.0.0.1:{port_file.read_text().strip()}"
    server.terminate()
    assert server.wait(timeout=15) == 0, "saturn-mock must exit 0 on SIGTERM"


@pytest.fixture
def tenant(saturn_mock):
    """A Saturn installation of the test's own, from the seed: its base URL and a fresh token per user."""
    created = httpx.post(f"{saturn_mock}/_mock/tenants").raise_for_status().json()
    yield Tenant(created["base_url"], {user["username"]: user["token"] for user in created["users"]})
    httpx.delete(f"{saturn_mock}/_mock/tenants/{created['name']}").raise_for_status()

# --- end of the README's fixture ---


@pytest.fixture
def mock(tenant):
    """The contract tests' name for their tenant."""
    return tenant


@pytest.fixture
def document_recipe() -> bytes:
    return DOCUMENT_RECIPE.read_bytes()
