"""Runs the built saturn-mock binary for the contract tests: port 0, a port file, a temporary data folder."""

import os
import resource
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
BINARY = Path(os.environ.get("SATURN_MOCK_BINARY", REPOSITORY / ".build" / "debug" / "saturn-mock"))
DOCUMENT_RECIPE = REPOSITORY / "data" / "examples" / "import-existing-docker-images.json"

ADMIN_TOKEN = "alice-admin-token"
MEMBER_TOKEN = "bob-member-token"
OTHER_ORG_ADMIN_TOKEN = "carol-globex-admin-token"
EXPIRED_TOKEN = "alice-expired-token"


@dataclass
class MockServer:
    url: str
    process: subprocess.Popen
    data_dir: Path


def start_mock(tmp: Path, data_dir: Path = None, file_size_limit_kib: int = None) -> MockServer:
    """Starts the binary on port 0 with `data_dir` (default: a new one in `tmp`); optionally under a file-size limit."""
    tmp.mkdir(parents=True, exist_ok=True)
    port_file = tmp / "port"
    data_dir = data_dir or tmp / "data"
    log = open(tmp / "saturn-mock.log", "w")

    def limit_file_size():
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit_kib * 1024, resource.RLIM_INFINITY))

    process = subprocess.Popen(
        [str(BINARY), "serve", "--port", "0", "--port-file", str(port_file), "--data-dir", str(data_dir),
         "--seed", str(REPOSITORY / "data" / "seed.json")],
        stdout=log, stderr=subprocess.STDOUT,
        env={k: v for k, v in os.environ.items() if not k.startswith("SATURN_")},
        preexec_fn=limit_file_size if file_size_limit_kib else None,
    )
    deadline = time.monotonic() + 20
    while not port_file.exists():
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"saturn-mock did not start: {(tmp / 'saturn-mock.log').read_text()}")
        time.sleep(0.01)
    return MockServer(f"http://127.0.0.1:{port_file.read_text().strip()}", process, data_dir)


def stop_mock(server: MockServer) -> int:
    """SIGTERM, as a harness would; the mock must finish cleanly with exit 0."""
    server.process.send_signal(signal.SIGTERM)
    try:
        return server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        return server.process.wait()


@pytest.fixture
def mock(tmp_path):
    """A fresh server per test, stopped at the end even when the test fails."""
    server = start_mock(tmp_path)
    try:
        yield server
    finally:
        assert stop_mock(server) == 0, "saturn-mock must exit 0 on SIGTERM"


@pytest.fixture
def document_recipe() -> bytes:
    return DOCUMENT_RECIPE.read_bytes()
