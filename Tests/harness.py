"""What the test suites share: the seed's users, the tenant a test gets, and servers of their own."""

import os
import resource
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

REPOSITORY = Path(__file__).resolve().parents[1]
BINARY = Path(os.environ.get("SATURN_MOCK_BINARY", REPOSITORY / ".build" / "debug" / "saturn-mock"))
SEED = REPOSITORY / "data" / "seed.json"
DOCUMENT_RECIPE = REPOSITORY / "data" / "examples" / "import-existing-docker-images.json"

# Seed users by what they are; a tenant gives each its own token (Tenant.token). EXPIRED is alice's expired token,
# UNKNOWN a token no tenant issued.
ADMIN, MEMBER, OTHER_ORG_ADMIN, EXPIRED, UNKNOWN = "alice", "bob", "carol", "expired", "unknown"
# The default tenant's seed token, for servers of their own.
SEED_ADMIN_TOKEN = "alice-admin-token"


@dataclass
class Tenant:
    base_url: str
    tokens: dict = field(default_factory=dict)
    refresh_tokens: dict = field(default_factory=dict)

    @property
    def url(self):
        """The base URL without its trailing slash, to put paths after."""
        return self.base_url.rstrip("/")

    def token(self, user):
        """The tenant's token of a seed user; EXPIRED mints an expired one for alice."""
        if user == UNKNOWN:
            return "no-tenant-issued-this-token"
        if user == EXPIRED and EXPIRED not in self.tokens:
            minted = httpx.post(f"{self.url}/_mock/tokens", json={"username": ADMIN, "org": "acme", "role": "admin", "expires_in": 0})
            self.tokens[EXPIRED] = minted.raise_for_status().json()["token"]
            self.refresh_tokens[EXPIRED] = minted.json()["refresh_token"]
        return self.tokens[user]

    def refresh_token(self, user):
        """The refresh token that came with a user's token."""
        self.token(user)
        return self.refresh_tokens[user]

    def headers(self, user=ADMIN, scheme="Bearer"):
        return {"Authorization": f"{scheme} {self.token(user)}"}


@dataclass
class MockServer:
    url: str
    process: subprocess.Popen
    data_dir: Path


def start_mock(tmp: Path, data_dir: Path = None, file_size_limit_kib: int = None, args=()) -> MockServer:
    """Starts a server of its own on port 0 with `data_dir` (default: a new one in `tmp`) and more `serve` options;
    optionally under a file-size limit."""
    tmp.mkdir(parents=True, exist_ok=True)
    port_file = tmp / "port"
    data_dir = data_dir or tmp / "data"
    log = open(tmp / "saturn-mock.log", "w")

    def limit_file_size():
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit_kib * 1024, resource.RLIM_INFINITY))

    process = subprocess.Popen(
        [str(BINARY), "serve", "--port", "0", "--port-file", str(port_file), "--data-dir", str(data_dir), "--seed", str(SEED), *args],
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
