"""The `sc` command as a user types it, on jobs, workspaces and deployments: the document's import, then a job's
whole life. Each test freezes its tenant's clock and moves it, so the lifecycle's delays pass at once."""

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from saturn_client import SaturnConnection

from harness import ADMIN, MEMBER

JOB_YAML = """\
schema_version: 2025.10.01
type: job
spec:
  name: nightly
  image: saturn:2021.11.10
  instance_type: large
  command: python train.py
  environment_variables:
    STAGE: test
"""


def sc(mock, *arguments, user=ADMIN, check=True):
    """Runs `sc` against the tenant as `user`; returns its standard output."""
    environment = {**os.environ, "SATURN_BASE_URL": mock.base_url, "SATURN_TOKEN": mock.token(user)}
    result = subprocess.run([str(Path(sys.executable).parent / "sc"), *arguments], env=environment, capture_output=True, text=True, timeout=60)
    if check:
        assert result.returncode == 0, f"sc {' '.join(arguments)}: {result.stdout}{result.stderr}"
    return result


class Clock:
    """The tenant's clock, frozen; `advance` moves it on."""

    def __init__(self, mock):
        self.mock = mock
        httpx.post(f"{mock.url}/_mock/clock", json={"set": "2026-06-01T12:00:00Z"}).raise_for_status()

    def advance(self, seconds):
        httpx.post(f"{self.mock.url}/_mock/clock", json={"advance_seconds": seconds}).raise_for_status()


@pytest.fixture
def clock(mock):
    return Clock(mock)


@pytest.fixture
def imported(mock, document_recipe):
    """The document's import: the images saturn and saturn-r of acme/alice."""
    assert httpx.post(f"{mock.url}/api/recipes/apply", content=document_recipe, headers=mock.headers(ADMIN)).status_code == 201


def listed(mock, kind, user=ADMIN):
    return json.loads(sc(mock, "list", kind, "-o", "json", user=user).stdout)


def test_a_jobs_life_through_sc(mock, clock, imported, tmp_path):
    recipe = tmp_path / "job.yaml"
    recipe.write_text(JOB_YAML)
    applied = sc(mock, "apply", str(recipe), "--start").stdout
    assert "Applied job nightly" in applied and "Started job nightly" in applied
    [job] = listed(mock, "job")
    assert (job["spec"]["owner"], job["spec"]["instance_type"], job["state"]["status"]) == ("acme/alice", "large", "pending")
    table = sc(mock, "list", "job").stdout
    assert "nightly" in table and "pending" in table and job["state"]["id"] in table

    clock.advance(5)
    assert listed(mock, "job")[0]["state"]["status"] == "running"
    pods = sc(mock, "pods", "job", "nightly").stdout
    assert f"job-{job['state']['id']}-1" in pods and "running" in pods
    logs = sc(mock, "logs", "job", "nightly").stdout
    assert 'Pulling image "public.ecr.aws/saturncloud/saturn:2021.11.10"' in logs
    assert "Running: python train.py" in logs

    sc(mock, "stop", "job", "nightly")
    assert listed(mock, "job")[0]["state"]["status"] == "stopping"
    clock.advance(3)
    assert listed(mock, "job")[0]["state"]["status"] == "stopped"
    history = sc(mock, "pods", "job", "nightly").stdout
    assert "stopped" in history and "historical" in history
    assert "Stopped container main" in sc(mock, "logs", "job", "nightly").stdout

    sc(mock, "delete", "job", "nightly")
    assert listed(mock, "job") == []


def test_a_job_runs_to_completion_and_restarts_only_while_running(mock, clock, imported, tmp_path):
    recipe = tmp_path / "job.yaml"
    recipe.write_text(JOB_YAML)
    sc(mock, "apply", str(recipe), "--start")
    refused = sc(mock, "restart", "job", "nightly", check=False)
    assert refused.returncode != 0 and "only a running job restarts" in refused.stdout + refused.stderr
    clock.advance(5)
    sc(mock, "restart", "job", "nightly")
    clock.advance(5 + 30)
    [job] = listed(mock, "job")
    assert job["state"]["status"] == "completed"
    pods = sc(mock, "pods", "job", "nightly").stdout
    assert f"job-{job['state']['id']}-2" in pods and f"job-{job['state']['id']}-1" in pods and "completed" in pods
    assert "Completed: the command exited with code 0" in sc(mock, "logs", "job", "nightly").stdout


def test_sc_schedule_sets_and_disables_the_cron_schedule(mock, clock, imported, tmp_path):
    recipe = tmp_path / "job.yaml"
    recipe.write_text(JOB_YAML)
    sc(mock, "apply", str(recipe))
    sc(mock, "schedule", "nightly", "0 3 * * *")
    job_id = listed(mock, "job")[0]["state"]["id"]
    job = httpx.get(f"{mock.url}/api/jobs/{job_id}", headers=mock.headers()).json()
    assert (job["scheduled"], job["cron_schedule_options"]) == (True, {"schedule": "0 3 * * *", "concurrency_policy": "Allow"})
    assert listed(mock, "job")[0]["spec"]["schedule"] == "0 3 * * *"
    sc(mock, "schedule", "nightly", "--disable")
    assert httpx.get(f"{mock.url}/api/jobs/{job_id}", headers=mock.headers()).json()["scheduled"] is False
    bad = sc(mock, "schedule", "nightly", "every night", check=False)
    assert bad.returncode != 0 and "is not a cron schedule" in bad.stdout + bad.stderr


def test_sc_start_get_and_clone_a_workspace_and_a_deployment(mock, clock, imported, tmp_path):
    workspace = tmp_path / "workspace.yaml"
    workspace.write_text("type: workspace\nspec:\n  name: lab\n  image: {name: saturn-r, version: 2021.12.01}\n  instance_type: xlarge\n  ide: rstudio\n")
    deployment = tmp_path / "deployment.yaml"
    deployment.write_text("type: deployment\nspec:\n  name: api\n  image: acme/alice/saturn:2021.11.10\n  instance_type: medium\n  command: [uvicorn, app:app]\n")
    sc(mock, "apply", str(workspace))
    sc(mock, "apply", str(deployment), "--start")
    sc(mock, "start", "workspace", "lab")
    clock.advance(5)
    [lab] = listed(mock, "workspace")
    [api] = listed(mock, "deployment")
    assert (lab["state"]["status"], lab["spec"]["ide"], lab["spec"]["image"]) == ("running", "rstudio", "acme/alice/saturn-r:2021.12.01")
    assert api["state"]["status"] == "running" and api["state"]["url"].startswith("https://")
    assert api["spec"]["command"] == '["uvicorn", "app:app"]', "sc sends a list command as one JSON string"
    for kind, name, size in (("workspace", "lab", "xlarge"), ("deployment", "api", "medium")):
        row = next(line for line in sc(mock, "list", kind).stdout.splitlines() if f" {name} " in line)
        assert row.split()[:5] == ["acme/alice", name, kind, "running", size]
    got = json.loads(sc(mock, "get", "deployment", "api", "-o", "json").stdout)
    assert got["state"]["id"] == api["state"]["id"]
    sc(mock, "clone", "deployment", "api", "job", "api-batch", "--command", "python batch.py")
    [clone] = listed(mock, "job")
    assert (clone["spec"]["name"], clone["spec"]["command"], clone["state"]["status"]) == ("api-batch", "python batch.py", "stopped")
    refused = sc(mock, "delete", "workspace", "lab", check=False)
    assert refused.returncode != 0 and "allow_active=true" in refused.stdout + refused.stderr


def test_a_member_runs_its_own_job_and_sees_only_its_own(mock, clock, imported, tmp_path):
    recipe = tmp_path / "job.yaml"
    recipe.write_text(JOB_YAML)
    sc(mock, "apply", str(recipe), "--start", user=MEMBER)
    sc(mock, "apply", str(recipe))
    assert [job["spec"]["owner"] for job in listed(mock, "job", user=MEMBER)] == ["acme/bob"]
    assert sorted(job["spec"]["owner"] for job in listed(mock, "job")) == ["acme/alice", "acme/bob"], "an admin sees the org's"


def test_an_image_that_cannot_be_pulled_ends_the_start_in_error_and_the_logs_say_why(mock, clock):
    bad = {"schema_version": "2025.10.01", "type": "image",
           "spec": {"name": "bad", "versions": [{"name": "v1", "image_uri": "Registry.example/Bad:1"}]}}
    assert httpx.put(f"{mock.url}/api/recipes", json=bad, headers=mock.headers()).status_code == 201
    job = {"type": "job", "spec": {"name": "doomed", "image": "bad:v1", "instance_type": "large", "command": "true", "status": "running"}}
    assert httpx.put(f"{mock.url}/api/recipes", json=job, headers=mock.headers()).json()["state"]["status"] == "pending"
    clock.advance(5)
    assert listed(mock, "job")[0]["state"]["status"] == "error"
    logs = sc(mock, "logs", "job", "doomed").stdout
    assert "Failed to pull image \"Registry.example/Bad:1\": 'Registry.example/Bad:1' breaks the registry reference grammar" in logs


def test_the_library_lists_workspaces_of_the_primary_org_and_reads_their_pods(mock, clock, imported):
    connection = SaturnConnection(url=mock.base_url, api_token=mock.token(ADMIN))
    recipe = {"type": "workspace", "spec": {"name": "lab", "image": "saturn:2021.11.10", "instance_type": "large"}}
    applied = connection.apply(recipe)
    connection.start("workspace", applied["state"]["id"])
    clock.advance(5)
    workspaces = connection.get_all_workspaces(org_id=connection.primary_org["id"])
    assert [(workspace["name"], workspace["status"]) for workspace in workspaces] == [("lab", "running")]
    pods = connection.get_pods("workspace", "lab")
    assert [(pod["pod_name"], pod["status"], pod["source"]) for pod in pods] == [(f"workspace-{applied['state']['id']}-1", "running", "live")]
    assert "Serving the workspace" in connection.get_logs("workspace", "lab")
