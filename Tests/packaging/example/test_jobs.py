"""An example project's tests, as a user of the wheel writes them: Saturn's own client, saturn-client, against
saturn-mock through the plugin's fixtures alone. Each test has a tenant of its own, so they run in parallel
(pytest -n 2) and never see each other's jobs."""

import json
import subprocess

from saturn_client import SaturnConnection

IMAGE = {
    "type": "image",
    "spec": {
        "name": "trainer",
        "hardware_type": "CPU",
        "versions": [{"name": "v1", "image_uri": "public.ecr.aws/saturncloud/saturn:2021.11.10"}],
    },
}
JOB = {"type": "job", "spec": {"name": "nightly", "image": "trainer:v1", "instance_type": "large", "command": "python train.py"}}


def test_a_job_is_applied_started_and_read_back(saturn_env):
    client = SaturnConnection()  # SATURN_BASE_URL and SATURN_TOKEN, set by saturn_env
    client.apply(IMAGE)
    job = client.apply(JOB)
    client.start("job", job["state"]["id"])
    assert client.get_resource("job", "nightly")["state"]["status"] == "pending"

    saturn_env.move_clock(advance_seconds=5)  # the mock's start delay, passed without waiting
    running = client.get_resource("job", "nightly")
    assert running["state"]["status"] == "running"
    assert running["spec"]["command"] == "python train.py"
    assert [request["path"] for request in saturn_env.requests(method="POST")] == [f"/api/jobs/{job['state']['id']}/start"]


def test_sc_sees_only_its_own_tenant(saturn_env):
    SaturnConnection().apply(IMAGE)
    jobs = json.loads(subprocess.run(["sc", "list", "job", "-o", "json"], check=True, capture_output=True, text=True).stdout)
    assert jobs == []  # the other test's job is in another tenant
