"""Workspaces, jobs and deployments created over REST (POST /api/workspaces, /api/jobs, /api/deployments) through
saturn-api's strict models: read as a PATCH is, with a name and an owner, answered as GET shows them, and every bad
field refused by its name. A repository attached by id (external_repo_attachments) lands in the recipe's
git_repositories by URL."""

import httpx
import pytest
from saturn_api import DeploymentsApi, JobsApi, WorkspacesApi
from saturn_api.models import (
    CronScheduleCreate, DeploymentCreate, ExternalRepoAttachmentNested, JobCreate, OwnerByName, OwnerReference, WorkspaceCreate,
)

from harness import ADMIN, MEMBER
from test_saturn_api import run
from test_secrets_and_references import checked, problems, raw

URI = "public.ecr.aws/saturncloud/saturn:2021.11.10"
URL = "git@github.com:saturncloud/examples.git"


@pytest.fixture
def ready(mock, document_recipe):
    """The document's images, and a repository acme itself owns."""
    assert httpx.post(f"{mock.url}/api/recipes/apply", content=document_recipe, headers=mock.headers(ADMIN)).status_code == 201
    repo = raw(mock, ADMIN, "POST", "/api/external_repos", json={"remote_url": URL, "owner": "acme/acme"})
    assert repo.status_code == 201, repo.text
    return repo.json()


def tag_id(mock, uri=URI):
    """The id of the image version (tag) whose URI is `uri`."""
    for image in raw(mock, ADMIN, "GET", "/api/images").json()["images"]:
        for tag in raw(mock, ADMIN, "GET", f"/api/images/{image['id']}/tags").json()["image_tags"]:
            if tag["image_uri"] == uri:
                return tag["id"]
    raise AssertionError(f"no tag has {uri}")


def test_a_workspace_a_job_and_a_deployment_are_created_as_get_shows_them(mock, ready):
    attachment = ExternalRepoAttachmentNested(external_repo_id=ready["id"], path="/home/jovyan/git-repos/examples", on_restart="reclone", ref="main", ref_type="branch")

    async def flow(client):
        workspaces, jobs, deployments = WorkspacesApi(client), JobsApi(client), DeploymentsApi(client)
        lab = await workspaces.create(workspace_create=WorkspaceCreate(
            name="lab", image_uri=URI, instance_size="xlarge", ide="rstudio", disk_space="20Gi", auto_shutoff="6 hours",
            environment_variables={"STAGE": "test"}, working_dir="/home/jovyan/lab", external_repo_attachments=[attachment]))
        nightly = await jobs.create(job_create=JobCreate(
            name="nightly", command="python train.py", image_tag_id=tag_id(mock), instance_size="large", retries=2,
            cron_schedule_options=CronScheduleCreate(schedule="@daily", concurrency_policy="Forbid"),
            owner=OwnerReference(OwnerByName(name="acme/bob"))))
        api = await deployments.create(deployment_create=DeploymentCreate(name="api", command="uvicorn app:app", image_uri=URI, instance_size="medium", scale=2))
        return (lab, await workspaces.get(workspace_id=lab.id), nightly, await jobs.get(job_id=nightly.id), api,
                await deployments.get(deployment_id=api.id), await workspaces.get_recipe(workspace_id=lab.id))

    lab, lab_got, nightly, nightly_got, api, api_got, recipe = run(flow, mock)
    assert lab == lab_got and nightly == nightly_got and api == api_got
    assert (lab.ide, lab.disk_space, lab.auto_shutoff, lab.working_dir, lab.instance_size, lab.status) == (
        "rstudio", "20Gi", "6 hours", "/home/jovyan/lab", "xlarge", "stopped")
    assert (nightly.owner.name, nightly.retries, nightly.cron_schedule_options.schedule, nightly.image_tag.image_uri) == ("acme/bob", 2, "@daily", URI)
    assert (api.scale, api.command) == (2, "uvicorn app:app")
    assert (recipe.spec.git_repositories[0].url, recipe.spec.secrets, recipe.spec.shared_folders) == (URL, [], [])
    assert raw(mock, ADMIN, "GET", f"/api/workspaces/{lab.id}/recipe").json()["spec"]["git_repositories"] == [
        {"url": URL, "path": "/home/jovyan/git-repos/examples", "on_restart": "reclone", "reference": "main", "reference_type": "branch"}]
    listed = raw(mock, ADMIN, "GET", "/api/recipes?type=job&owner=acme/bob").json()["recipes"]
    assert [each["state"]["id"] for each in listed] == [nightly.id], "a resource made over REST is its recipe"


def test_a_name_taken_for_that_owner_is_a_409(mock, ready):
    body = {"name": "nightly", "command": "true", "image_uri": URI, "instance_size": "large"}
    assert raw(mock, ADMIN, "POST", "/api/jobs", json=body).status_code == 201
    checked(raw(mock, ADMIN, "POST", "/api/jobs", json=body), 409, "nightly", "acme/alice")
    assert raw(mock, MEMBER, "POST", "/api/jobs", json=body).status_code == 201, "another owner's name is its own"
    checked(raw(mock, MEMBER, "POST", "/api/jobs", json={**body, "name": "x", "owner": "acme/alice"}), 403, "bob")


@pytest.mark.parametrize("kind, body, path, words", [
    ("jobs", {"command": "true", "image_uri": URI, "instance_size": "large"}, "name", "is required"),
    ("jobs", {"name": "Bad Name", "command": "true", "image_uri": URI, "instance_size": "large"}, "name", "must match"),
    ("jobs", {"name": "j", "image_uri": URI, "instance_size": "large"}, "command", "is required"),
    ("deployments", {"name": "d", "image_uri": URI, "instance_size": "large"}, "command", "is required"),
    ("workspaces", {"name": "w", "instance_size": "large"}, "image_uri", "give image_uri or image_tag_id"),
    ("workspaces", {"name": "w", "image_uri": URI}, "instance_size", "GET /api/info/servers"),
    ("workspaces", {"name": "w", "image_uri": URI, "instance_size": "huge"}, "instance_size", "'huge' is not a size"),
    ("workspaces", {"name": "w", "image_uri": "registry.example/none:1", "instance_size": "large"}, "image_uri", "no image version you can see"),
    ("workspaces", {"name": "w", "image_tag_id": "no-such-tag", "instance_size": "large"}, "image_tag_id", "no image version you can see"),
    ("workspaces", {"name": "w", "image_uri": URI, "instance_size": "large", "ide": "vscode"}, "ide", "'jupyter', 'rstudio'"),
    ("workspaces", {"name": "w", "image_uri": URI, "instance_size": "large", "extra_packages": {"pip": "x"}}, "extra_packages", "PUT /api/recipes"),
    ("workspaces", {"name": "w", "image_uri": URI, "instance_size": "large", "secrets": []}, "secrets", "unknown field"),
    ("jobs", {"name": "j", "command": "true", "image_uri": URI, "instance_size": "large", "self_destruct": True}, "self_destruct", "unknown field"),
    ("jobs", {"name": "j", "command": "true", "image_uri": URI, "instance_size": "large", "scale": 0.5}, "scale", "whole number"),
    ("jobs", {"name": "j", "command": "true", "image_uri": URI, "instance_size": "large", "cron_schedule_options": {"schedule": "often"}},
     "cron_schedule_options.schedule", "cron"),
    ("jobs", {"name": "j", "command": "true", "image_uri": URI, "instance_size": "large", "cron_schedule_options": {"concurrency_policy": "Forbid"}},
     "cron_schedule_options.schedule", "is required"),
    ("jobs", {"name": "j", "command": "true", "image_uri": URI, "instance_size": "large", "owner": "acme/nobody"}, "owner", "no user or group 'nobody'"),
    ("workspaces", {"name": "w", "image_uri": URI, "instance_size": "large", "external_repo_attachments": [{"external_repo_id": "nope"}]},
     "external_repo_attachments[0].external_repo_id", "names no external repository that acme/alice can see"),
    ("workspaces", {"name": "w", "image_uri": URI, "instance_size": "large", "external_repo_attachments": [{"path": "/x"}]},
     "external_repo_attachments[0].external_repo_id", "is required"),
    ("workspaces", {"name": "w", "image_uri": URI, "instance_size": "large", "external_repo_attachments": {"external_repo_id": "x"}},
     "external_repo_attachments", "must be an array"),
])
def test_a_bad_create_is_refused_naming_the_field(mock, ready, kind, body, path, words):
    errors = problems(raw(mock, ADMIN, "POST", f"/api/{kind}", json=body))
    assert path in errors and words in " ".join(errors[path]), errors
    assert raw(mock, ADMIN, "GET", f"/api/{kind}").json()[kind] == []


def test_a_repository_attached_by_id_must_be_one_the_owner_can_see(mock, ready):
    alices = raw(mock, ADMIN, "POST", "/api/external_repos", json={"remote_url": "git@github.com:acme/private.git"}).json()
    body = {"name": "w", "image_uri": URI, "instance_size": "large", "external_repo_attachments": [
        {"external_repo_id": ready["id"]}, {"external_repo_id": alices["id"], "on_restart": "reclone"}]}
    errors = problems(raw(mock, MEMBER, "POST", "/api/workspaces", json=body))
    assert errors == {"external_repo_attachments[1].external_repo_id": [
        "names no external repository that acme/bob can see (GET /api/external_repos lists them, with their ids)"]}
    assert raw(mock, ADMIN, "POST", "/api/workspaces", json={**body, "owner": "acme/alice"}).status_code == 201


def test_a_patch_attaches_repositories_by_id_in_place_of_the_ones_before(mock, ready):
    job = raw(mock, MEMBER, "POST", "/api/jobs", json={"name": "j", "command": "true", "image_uri": URI, "instance_size": "large"}).json()
    attached = raw(mock, MEMBER, "PATCH", f"/api/jobs/{job['id']}", json={"external_repo_attachments": [{"external_repo_id": ready["id"], "ref": "v1", "ref_type": "tag"}]})
    assert attached.status_code == 200, attached.text
    recipe = raw(mock, MEMBER, "GET", f"/api/jobs/{job['id']}/recipe").json()
    assert recipe["spec"]["git_repositories"] == [{"url": URL, "reference": "v1", "reference_type": "tag"}]
    checked(raw(mock, ADMIN, "DELETE", f"/api/external_repos/{ready['id']}"), 409, "job 'acme/bob/j'")
    errors = problems(raw(mock, MEMBER, "PATCH", f"/api/jobs/{job['id']}", json={"external_repo_attachments": [{"external_repo_id": "gone"}]}))
    assert list(errors) == ["external_repo_attachments[0].external_repo_id"]
    assert raw(mock, MEMBER, "PATCH", f"/api/jobs/{job['id']}", json={"external_repo_attachments": []}).status_code == 200
    assert raw(mock, ADMIN, "DELETE", f"/api/external_repos/{ready['id']}").status_code == 204, "nothing names it any more"
