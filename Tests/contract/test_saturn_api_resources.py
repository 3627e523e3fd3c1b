"""saturn-api's workspace, job, deployment and active-pod APIs: every answer parses into their strict models, with
the nested image_tag -> image -> owner objects they require."""

import httpx
import pytest
from saturn_api import ActiveApi, DeploymentsApi, JobsApi, RecipesApi, WorkspacesApi
from saturn_api.exceptions import ConflictException, NotFoundException, UnprocessableEntityException
from saturn_api.models import (CronScheduleUpdate, DeploymentUpdate, JobRecipe, JobSpec, JobUpdate, Recipe, WorkloadType,
                               WorkspaceUpdate)

from harness import ADMIN
from test_saturn_api import run


@pytest.fixture
def ready(mock, document_recipe):
    """The document's images, and the tenant's clock frozen so that the test moves it."""
    assert httpx.post(f"{mock.url}/api/recipes/apply", content=document_recipe, headers=mock.headers(ADMIN)).status_code == 201
    httpx.post(f"{mock.url}/_mock/clock", json={"set": "2026-06-01T12:00:00Z"}).raise_for_status()
    return mock


def advance(mock, seconds):
    httpx.post(f"{mock.url}/_mock/clock", json={"advance_seconds": seconds}).raise_for_status()


def apply(mock, kind, name, **spec):
    body = {"schema_version": "2025.10.01", "type": kind, "spec": {"name": name, "image": "saturn:2021.11.10", "instance_type": "large", **spec}}
    response = httpx.put(f"{mock.url}/api/recipes", json=body, headers=mock.headers())
    assert response.status_code == 201, response.text
    return response.json()["state"]["id"]


def test_a_job_recipe_applied_through_the_models_and_run_through_the_jobs_api(ready):
    recipe = Recipe(JobRecipe(type="job", spec=JobSpec(name="train", image="saturn:2021.11.10", instance_type="large", command="python train.py")))

    async def flow(client):
        applied = (await RecipesApi(client).apply(recipe=recipe)).root
        jobs = JobsApi(client)
        started = await jobs.start(job_id=applied.state.id)
        advance(ready, 5)
        running = await jobs.get(job_id=applied.state.id)
        pods = await ActiveApi(client).list_pods(workload_type=WorkloadType.JOB, workload_id=applied.state.id)
        pod = await ActiveApi(client).get_pod(name=pods.pod_summaries[0].name)
        logs = await ActiveApi(client).get_pod_logs(name=pod.name, container_name="main")
        updated = await jobs.update(job_id=applied.state.id, job_update=JobUpdate(cron_schedule_options=CronScheduleUpdate(schedule="@daily")))
        scheduled = await jobs.schedule(job_id=applied.state.id)
        listed = await jobs.list()
        stopped = await jobs.stop(job_id=applied.state.id)
        advance(ready, 3)
        history = await jobs.get_pod_history(job_id=applied.state.id)
        past_logs = await jobs.get_logs(job_id=applied.state.id, pod_name=pod.name)
        as_recipe = await jobs.get_recipe(job_id=applied.state.id)
        unscheduled = await jobs.unschedule(job_id=applied.state.id)
        await jobs.delete(job_id=applied.state.id)
        return applied, started, running, pods, pod, logs, updated, scheduled, listed, stopped, history, past_logs, as_recipe, unscheduled

    applied, started, running, pods, pod, logs, updated, scheduled, listed, stopped, history, past_logs, as_recipe, unscheduled = run(flow, ready)
    assert (applied.state.action, applied.state.status) == ("created", "stopped")
    assert started is not None, "start answered the documented status with a Job"
    assert (started.status, started.image_tag.image_uri, started.image_tag.image.owner.name) == ("pending", "public.ecr.aws/saturncloud/saturn:2021.11.10", "acme/alice")
    assert (running.status, running.running_count, running.size_display) == ("running", 1, "Large - 2 cores - 16Gi")
    assert pod.labels["saturncloud.io/resource-id"] == applied.state.id and pod.container_summaries[0].name == "main"
    assert pod.started_at is not None and pod.status == "running"
    assert "Running: python train.py" in logs.logs
    assert (updated.cron_schedule_options.schedule, scheduled.scheduled, unscheduled.scheduled) == ("@daily", True, False)
    assert [job.id for job in listed.jobs] == [applied.state.id] and listed.next_key is None
    assert stopped.status == "stopping"
    assert [(entry.pod_name, entry.status) for entry in history.pods] == [(pod.name, "stopped")]
    assert [line.content for line in past_logs.logs][-1] == "Stopped container main"
    assert as_recipe.spec.name == "train"


def test_workspaces_and_deployments_parse_in_every_state(ready):
    workspace_id = apply(ready, "workspace", "lab", ide="jupyter", disk_space="20Gi", auto_shutoff="6 hours")
    deployment_id = apply(ready, "deployment", "api", command="uvicorn app:app", scale=2)

    async def flow(client):
        seen = [await WorkspacesApi(client).get(workspace_id=workspace_id), await DeploymentsApi(client).get(deployment_id=deployment_id)]
        seen += [await WorkspacesApi(client).start(workspace_id=workspace_id), await DeploymentsApi(client).start(deployment_id=deployment_id)]
        advance(ready, 5)
        seen += [await WorkspacesApi(client).restart(workspace_id=workspace_id), await DeploymentsApi(client).get(deployment_id=deployment_id)]
        advance(ready, 5)
        seen += [(await WorkspacesApi(client).list()).workspaces[0], (await DeploymentsApi(client).list()).deployments[0]]
        return seen

    seen = run(flow, ready)
    assert [resource.status for resource in seen] == ["stopped", "stopped", "pending", "pending", "pending", "running", "running", "running"]
    workspace, deployment = seen[-2:]
    assert (workspace.disk_space, workspace.auto_shutoff, workspace.started_at is not None) == ("20Gi", "6 hours", True)
    assert (deployment.scale, deployment.running_count, deployment.url.startswith("https://")) == (2, 2, True)


def test_updates_restarts_and_deletes_that_only_sc_asks_for_parse_too(ready):
    """What `sc` asks in a process of its own, whose answers the suite's spec check cannot see, asked here; and the
    deletes of a workspace and a deployment."""
    workspace_id = apply(ready, "workspace", "lab", ide="jupyter", disk_space="20Gi")
    job_id = apply(ready, "job", "train", command="python train.py")
    deployment_id = apply(ready, "deployment", "api", command="uvicorn app:app")

    async def flow(client):
        workspaces, jobs, deployments = WorkspacesApi(client), JobsApi(client), DeploymentsApi(client)
        updated = [await workspaces.update(workspace_id=workspace_id, workspace_update=WorkspaceUpdate(description="patched")),
                   await deployments.update(deployment_id=deployment_id, deployment_update=DeploymentUpdate(description="patched"))]
        await jobs.start(job_id=job_id)
        await deployments.start(deployment_id=deployment_id)
        advance(ready, 5)
        restarted = [await jobs.restart(job_id=job_id), await deployments.restart(deployment_id=deployment_id)]
        await workspaces.delete(workspace_id=workspace_id)
        await deployments.delete(deployment_id=deployment_id, allow_active=True)
        return updated, restarted

    updated, restarted = run(flow, ready)
    assert [resource.description for resource in updated] == ["patched", "patched"]
    assert [resource.status for resource in restarted] == ["pending", "pending"]


def test_lifecycle_calls_out_of_turn_and_unknown_ids_are_clear_4xx(ready):
    job_id = apply(ready, "job", "train", command="true")

    async def refused(call):
        try:
            await call
        except (ConflictException, NotFoundException, UnprocessableEntityException) as error:
            return error.status, error.body
        raise AssertionError("the call was accepted")

    async def flow(client):
        jobs = JobsApi(client)
        return [
            await refused(jobs.stop(job_id=job_id)),
            await refused(jobs.restart(job_id=job_id)),
            await refused(jobs.schedule(job_id=job_id)),
            await refused(jobs.get(job_id="no-such-job")),
            await refused(jobs.update(job_id=job_id, job_update=JobUpdate(instance_size="enormous"))),
        ]

    answers = run(flow, ready)
    assert [status for status, _ in answers] == [409, 409, 409, 404, 422]
    assert "only a pending or running job can be stopped" in answers[0][1]
    assert "has no cron schedule" in answers[2][1]
    assert "No job with id 'no-such-job'" in answers[3][1]
    assert "'enormous' is not a size of this installation" in answers[4][1]


def test_an_active_resource_is_deleted_only_with_allow_active(ready):
    job_id = apply(ready, "job", "train", command="true", status="running")
    refused = httpx.delete(f"{ready.url}/api/jobs/{job_id}", headers=ready.headers())
    assert (refused.status_code, refused.json()["message"]) == (409, "The job is pending; stop it first, or delete it with ?allow_active=true.")
    assert httpx.delete(f"{ready.url}/api/jobs/{job_id}?allow_active=true", headers=ready.headers()).status_code == 204
    assert httpx.get(f"{ready.url}/api/jobs/{job_id}", headers=ready.headers()).status_code == 404


@pytest.mark.parametrize("spec, path, problem", [
    ({"image": "nope:1"}, "spec.image", "no image version you can see matches 'nope:1'; images you can see: acme/alice/saturn:2021.11.10"),
    ({"instance_type": "huge"}, "spec.instance_type", "'huge' is not a size of this installation"),
    ({"schedule": "* * *"}, "spec.schedule", "'* * *' is not a cron schedule"),
    ({"image": {"tag_id": "missing"}}, "spec.image", "no image version you can see matches tag id 'missing'"),
])
def test_a_bad_job_recipe_is_refused_by_path_and_nothing_is_stored(ready, spec, path, problem):
    body = {"type": "job", "spec": {"name": "bad", "image": "saturn:2021.11.10", "instance_type": "large", "command": "true", **spec}}
    response = httpx.put(f"{ready.url}/api/recipes", json=body, headers=ready.headers())
    assert response.status_code == 422
    assert response.json()["errors"][path][0].startswith(problem), response.json()
    assert httpx.get(f"{ready.url}/api/recipes?type=job", headers=ready.headers()).json()["recipes"] == []


def test_an_image_a_job_runs_cannot_be_deleted(ready):
    apply(ready, "job", "train", command="true")
    image_id = httpx.get(f"{ready.url}/api/recipes/image/saturn", headers=ready.headers()).json()["state"]["id"]
    refused = httpx.delete(f"{ready.url}/api/images/{image_id}", headers=ready.headers())
    assert (refused.status_code, refused.json()["message"]) == (
        409, "Image 'acme/alice/saturn' is used by job 'acme/alice/train'; change or delete those first.")


def test_live_pods_page_by_name_both_ways(ready):
    ids = [apply(ready, "job", f"job-{index}", command="true", status="running") for index in range(3)]
    advance(ready, 5)

    async def walk(client):
        active, names, page = ActiveApi(client), [], None
        while True:
            page = await active.list_pods(workload_type=WorkloadType.JOB, workload_id="", page_size=1,
                                          next_key=page.next_key if page else None)
            names += [pod.name for pod in page.pod_summaries]
            if page.next_key is None:
                back = await active.list_pods(workload_type=WorkloadType.JOB, workload_id="", page_size=2, prev_key=page.prev_key)
                return names, [pod.name for pod in back.pod_summaries], back.prev_key

    names, back, before = run(walk, ready)
    assert names == sorted(f"job-{resource_id}-1" for resource_id in ids)
    assert back == names[:2] and before is None
    bad = httpx.get(f"{ready.url}/api/active/pods?workload_type=job&next_key=@@@", headers=ready.headers())
    assert (bad.status_code, bad.json()["errors"]) == (422, {"next_key": ["is not a page key this server issued; pass back next_key or prev_key unchanged"]})
    unknown = httpx.get(f"{ready.url}/api/active/pods?workload_type=pipeline", headers=ready.headers())
    assert unknown.status_code == 422 and "workload_type" in unknown.json()["errors"]
