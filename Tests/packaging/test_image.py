"""The container image of scripts/build-image, run with podman (runc, with the limits this machine needs) and
driven over HTTP as a CI service would be: its status, an apply, the control plane behind its token, and a
restart on the same volume that keeps the recipes."""

import importlib.metadata
import json
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from saturn_mock import ControlError, ControlPlane

IMAGE = f"saturn-mock:{importlib.metadata.version('saturn-mock')}"
DOCUMENT_RECIPE = Path(__file__).resolve().parents[2] / "data" / "examples" / "import-existing-docker-images.json"
PODMAN = ["podman", "--runtime", "runc"]
LIMITS = ["--ulimit", "nofile=1024:1024", "--ulimit", "nproc=1024:1024"]
TOKEN = "ci-control-token"


def podman(*arguments, check=True):
    return subprocess.run([*PODMAN, *arguments], check=check, capture_output=True, text=True, timeout=120)


def http(url, token=None, body=None):
    """One request; answers (status, body as text)."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    request = urllib.request.Request(url, data=body, headers=headers, method="POST" if body else "GET")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


class Container:
    """A container of the image, named for the test, its port 8484 published on a free loopback port."""

    def __init__(self, volume):
        self.name = f"saturn-mock-test-{uuid.uuid4().hex[:8]}"
        podman("run", "-d", "--name", self.name, *LIMITS, "-p", "127.0.0.1::8484", "-v", f"{volume}:/data",
               "-e", f"SATURN_MOCK_CONTROL_TOKEN={TOKEN}", IMAGE)
        self.url = "http://" + podman("port", self.name, "8484").stdout.strip()
        deadline = time.monotonic() + 30
        while True:
            try:
                if http(f"{self.url}/api/status")[0] == 200:
                    return
            except OSError:
                pass
            running = podman("inspect", "--format", "{{.State.Running}}", self.name).stdout.strip()
            assert running == "true" and time.monotonic() < deadline, podman("logs", self.name).stderr
            time.sleep(0.1)

    def stop(self):
        """SIGTERM, as `podman stop` sends it; answers the exit code."""
        podman("stop", "--time", "20", self.name)
        return int(podman("inspect", "--format", "{{.State.ExitCode}}", self.name).stdout)

    def remove(self):
        podman("rm", "--force", self.name, check=False)


@pytest.fixture
def volume():
    name = f"saturn-mock-test-{uuid.uuid4().hex[:8]}"
    podman("volume", "create", name)
    yield name
    podman("volume", "rm", "--force", name, check=False)


def test_the_image_is_small_runs_as_a_user_and_says_what_it_is():
    [image] = json.loads(podman("image", "inspect", IMAGE).stdout)
    config = image["Config"]
    assert config["User"] == "10001:10001"
    assert "8484/tcp" in config["ExposedPorts"] and "/data" in config["Volumes"]
    assert "/_mock/health" in " ".join(image["Healthcheck"]["Test"])
    labels = config["Labels"]
    assert labels["org.opencontainers.image.version"] == importlib.metadata.version("saturn-mock")
    assert len(labels["org.opencontainers.image.revision"]) == 40
    assert labels["org.opencontainers.image.title"] == "saturn-mock"
    assert "org.opencontainers.image.licenses" in labels
    # 79 MB at 0.1.0, 31 MB of it ICU's data, which libarchive's libxml2 loads: a bound that catches a base image.
    assert image["Size"] < 100_000_000, f"{image['Size']} bytes"


def test_without_a_control_token_it_refuses_to_start_and_names_the_variable():
    result = podman("run", "--rm", *LIMITS, IMAGE, check=False)
    assert result.returncode == 64, result.stderr
    assert "give --control-token (or SATURN_MOCK_CONTROL_TOKEN) too" in result.stderr


def test_a_recipe_applied_to_the_container_survives_a_restart_on_its_volume(volume):
    first = Container(volume)
    try:
        status, answer = http(f"{first.url}/api/status")
        assert (status, json.loads(answer)["status"]) == (200, "ok")
        assert http(f"{first.url}/api/recipes/apply", "alice-admin-token", DOCUMENT_RECIPE.read_bytes())[0] == 201
        assert http(f"{first.url}/_mock/health")[0] == 401, "the control plane is behind the token"
        assert ControlPlane(first.url, control_token=TOKEN).health()["store"]["location"] == "/data"
        with pytest.raises(ControlError):
            ControlPlane(first.url, control_token="wrong").health()
        assert podman("healthcheck", "run", first.name, check=False).returncode == 0
        assert podman("exec", first.name, "/usr/bin/busybox", "id", "-u").stdout.strip() == "10001"
        assert first.stop() == 0
    finally:
        first.remove()

    second = Container(volume)
    try:
        status, answer = http(f"{second.url}/api/recipes", "alice-admin-token")
        assert status == 200
        assert sorted(recipe["spec"]["name"] for recipe in json.loads(answer)["recipes"]) == ["saturn", "saturn-r"]
    finally:
        second.remove()
