"""The user's document, replayed: its curl POST with the exact JSON, then its GET, with both header forms."""

import json
import shutil
import subprocess

import httpx
import pytest

from harness import ADMIN, DOCUMENT_RECIPE, MEMBER, OTHER_ORG_ADMIN


def curl(*arguments):
    """Runs curl as the document does; returns (status, parsed body)."""
    assert shutil.which("curl"), "scripts/test installs curl"
    result = subprocess.run(["curl", "-s", "-w", "\n%{http_code}", *arguments], capture_output=True, text=True, timeout=30, check=True)
    body, _, status = result.stdout.rpartition("\n")
    return int(status), json.loads(body)


@pytest.mark.parametrize("scheme", ["Bearer", "token"])
def test_the_documents_post_and_get(mock, scheme):
    authorization = f"{scheme} {mock.token(ADMIN)}"
    status, applied = curl("-X", "POST", f"{mock.url}/api/recipes/apply", "-H", f"Authorization: {authorization}",
                           "-d", f"@{DOCUMENT_RECIPE}")
    assert status == 201
    assert [(recipe["spec"]["name"], recipe["state"]["action"]) for recipe in applied["recipes"]] == [
        ("saturn", "created"), ("saturn-r", "created"),
    ]

    status, listed = curl(f"{mock.url}/api/recipes", "-H", f"Authorization: {authorization}")
    assert status == 200
    assert set(listed) == {"recipes"}, "one page: neither page key"
    assert [(r["type"], r["spec"]["name"], r["spec"]["owner"], [v["name"] for v in r["spec"]["versions"]]) for r in listed["recipes"]] == [
        ("image", "saturn", "acme/alice", ["2021.11.10"]),
        ("image", "saturn-r", "acme/alice", ["2021.11.10", "2021.12.01"]),
    ]


def test_applying_again_merges_versions(mock, document_recipe):
    headers = mock.headers(ADMIN)
    first = httpx.post(f"{mock.url}/api/recipes/apply", content=document_recipe, headers=headers).json()
    recipe = json.loads(document_recipe)
    recipe["images"][1]["versions"].append({"name": "2022.01.01", "image_uri": "public.ecr.aws/saturncloud/saturn-r:2022.12.01"})
    second = httpx.post(f"{mock.url}/api/recipes/apply", json=recipe, headers=headers)
    assert second.status_code == 201
    saturn, saturn_r = second.json()["recipes"]
    assert saturn["state"] == {**first["recipes"][0]["state"], "action": "unchanged",
                               "versions": [{**v, "action": "unchanged"} for v in first["recipes"][0]["state"]["versions"]]}
    assert saturn_r["state"]["action"] == "updated"
    assert [v["action"] for v in saturn_r["state"]["versions"]] == ["unchanged", "unchanged", "created"]
    assert [v["name"] for v in saturn_r["spec"]["versions"]] == ["2021.11.10", "2021.12.01", "2022.01.01"]


def test_who_may_apply_and_who_sees_it(mock, document_recipe):
    member = httpx.post(f"{mock.url}/api/recipes/apply", content=document_recipe, headers=mock.headers(MEMBER, "token"))
    assert member.status_code == 403
    assert member.json() == {"error_code": "forbidden", "message": "Writing images, or another identity's workspaces, jobs and deployments, in org 'acme' needs an org admin; 'bob' is a member."}
    httpx.post(f"{mock.url}/api/recipes/apply", content=document_recipe, headers=mock.headers(ADMIN))
    assert len(httpx.get(f"{mock.url}/api/recipes", headers=mock.headers(MEMBER, "token")).json()["recipes"]) == 2
    assert httpx.get(f"{mock.url}/api/recipes", headers=mock.headers(OTHER_ORG_ADMIN)).json()["recipes"] == []
