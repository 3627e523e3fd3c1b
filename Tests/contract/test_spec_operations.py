"""Every operation of Saturn's spec either is served or answers 501 not_mocked naming it; a path Saturn does not
have is a 404. The mock's list of what it serves (GET /_mock/operations) is its route table read against the spec,
and the table it reads the spec from is what scripts/generate-spec-operations writes."""

import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from spec_shapes import SPEC

REPOSITORY = Path(__file__).resolve().parents[2]
METHODS = ("get", "put", "post", "delete", "patch")
SPEC_OPERATIONS = sorted((path, method.upper()) for path, item in SPEC["paths"].items() for method in item if method in METHODS)


def test_the_table_of_spec_operations_is_current():
    result = subprocess.run([sys.executable, str(REPOSITORY / "scripts" / "generate-spec-operations"), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_operations_lists_every_spec_operation_once(tenant):
    listed = httpx.get(f"{tenant.base_url}_mock/operations").raise_for_status().json()
    assert sorted((op["path"], op["method"]) for op in listed["operations"]) == SPEC_OPERATIONS
    assert listed["spec_operations"] == len(SPEC_OPERATIONS) == listed["served"] + listed["not_mocked"]
    assert {"method": "POST", "path": "/api/recipes/apply"} in listed["beyond_spec"]


def test_the_readme_says_how_many_operations_are_served(tenant):
    listed = httpx.get(f"{tenant.base_url}_mock/operations").raise_for_status().json()
    said = re.search(r"Of the (\d+) operations of Saturn's spec, the mock serves (\d+); the other (\d+) answer", (REPOSITORY / "README.md").read_text())
    assert said, "the README no longer says how many operations are served"
    assert tuple(map(int, said.groups())) == (listed["spec_operations"], listed["served"], listed["not_mocked"])


def test_every_operation_not_served_answers_501_naming_it(tenant):
    listed = httpx.get(f"{tenant.base_url}_mock/operations").raise_for_status().json()
    headers = {"Authorization": f"Bearer {tenant.tokens['alice']}"}
    unserved = [op for op in listed["operations"] if not op["served"]]
    assert unserved, "the spec has operations the mock does not serve yet"
    for op in unserved:
        path = re.sub(r"\{[^}]+\}", "some-id", op["path"])
        answer = httpx.request(op["method"], f"{tenant.base_url}{path.lstrip('/')}", headers=headers, json={} if op["method"] != "GET" else None)
        assert answer.status_code == 501, f"{op['method']} {op['path']}: {answer.status_code} {answer.text[:200]}"
        assert answer.json() == {
            "message": f"Saturn serves {op['method']} {op['path']}; saturn-mock does not mock it yet.",
            "error_code": "not_mocked",
        }


@pytest.mark.parametrize("method, path", [("GET", "api/no-such-thing"), ("DELETE", "api/recipes/image/x/y"), ("GET", "api/orgsx")])
def test_a_path_saturn_does_not_have_is_a_404(tenant, method, path):
    answer = httpx.request(method, f"{tenant.base_url}{path}", headers={"Authorization": f"Bearer {tenant.tokens['alice']}"})
    assert answer.status_code == 404
    assert answer.json()["error_code"] == "not_found"
