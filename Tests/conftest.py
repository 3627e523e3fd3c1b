"""The test harness: one saturn-mock per test run (per pytest-xdist worker) on port 0, and a tenant of its own for
each contract test, so that tests run in parallel against one server and never see each other. The durability
suite starts servers of its own (it kills them), with harness.start_mock and harness.stop_mock."""

import os
import re
import subprocess
import time
from pathlib import Path

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


# --- Browser tests (the UI suite, and the image suite's Works for column) ---

ARTIFACTS = Path(os.environ.get("SATURN_MOCK_UI_ARTIFACTS", Path(__file__).resolve().parents[1] / ".build" / "ui-failures"))


@pytest.fixture(scope="session")
def browser():
    from browser import start_browser  # only the suites that drive a browser need Selenium

    driver = start_browser()
    yield driver
    driver.quit()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    driver = item.funcargs.get("page") or item.funcargs.get("browser")
    if report.when == "call" and report.failed and driver is not None:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        stem = ARTIFACTS / re.sub(r"[^\w.-]", "_", item.name)
        driver.save_screenshot(str(stem.with_suffix(".png")))
        stem.with_suffix(".html").write_text(driver.page_source)
        report.sections.append(("UI failure", f"screenshot: {stem.with_suffix('.png')}\npage: {stem.with_suffix('.html')}"))
