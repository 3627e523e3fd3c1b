"""saturn-client: the SaturnConnection library and the `sc` command line."""

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
import requests
from saturn_client import SaturnConnection
from saturn_client.core import SaturnHTTPError

from harness import ADMIN, EXPIRED, MEMBER


def test_connection_reads_the_seeds_identities(mock):
    connection = SaturnConnection(url=mock.base_url, api_token=mock.token(MEMBER))
    assert [org["name"] for org in connection.orgs] == ["acme"]
    assert connection.primary_org["name"] == "acme"
    assert connection.current_user["username"] == "bob"


@pytest.mark.parametrize("resource_type", ["job", "deployment", "workspace"])
def test_list_resources_is_empty_without_error(mock, resource_type):
    assert SaturnConnection(url=mock.base_url, api_token=mock.token(ADMIN)).list_resources(resource_type) == []


def test_list_resources_pages_through_imported_images(mock, document_recipe):
    connection = SaturnConnection(url=mock.base_url, api_token=mock.token(ADMIN))
    response = connection.session.post(f"{mock.url}/api/recipes/apply", data=document_recipe)
    assert response.status_code == 201
    names = [recipe["spec"]["name"] for recipe in connection.list_resources()]
    assert names == ["saturn", "saturn-r"]


def test_an_expired_token_is_what_saturn_client_refreshes_on(mock):
    connection = SaturnConnection(url=mock.base_url, api_token=mock.token(ADMIN))
    with pytest.raises(SaturnHTTPError) as raised:
        connection.session.get(f"{mock.url}/api/user", headers={"Authorization": f"token {mock.token(EXPIRED)}"})
    assert raised.value.status_code == 401
    assert raised.value.saturn_version == "2026.02.01"
    # The client's own test for "refresh and retry": a 401 whose message contains "expired".
    response = requests.get(f"{mock.url}/api/user", headers={"Authorization": f"token {mock.token(EXPIRED)}"})
    assert connection.session._should_refresh(response)


def test_sc_cli_lists_jobs(mock):
    sc = Path(sys.executable).parent / "sc"
    environment = {**os.environ, "SATURN_BASE_URL": mock.base_url, "SATURN_TOKEN": mock.token(ADMIN)}
    result = subprocess.run([str(sc), "list", "job", "-o", "json"], env=environment, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_a_base_url_without_its_trailing_slash_still_reaches_the_tenant(mock):
    # saturn-client joins some paths with urljoin, which drops ".../t/NAME" to ".../t/": the token still routes.
    connection = SaturnConnection(url=mock.url, api_token=mock.token(MEMBER))
    assert connection.current_user["username"] == "bob"
    assert [org["name"] for org in connection.orgs] == ["acme"]


def test_an_expired_token_is_refreshed_and_the_call_retried(mock):
    expired, refresh = mock.token(EXPIRED), mock.refresh_token(EXPIRED)
    connection = SaturnConnection(url=mock.base_url, api_token=expired, refresh_token=refresh)
    assert connection.current_user["username"] == "alice"
    assert connection.settings.SATURN_TOKEN != expired, "the client took the new access token"
    retried = httpx.get(f"{mock.url}/_mock/requests/count?path=/api/auth/token&status=200").json()["count"]
    assert retried == 1


def test_sc_refreshes_an_expired_token(mock):
    sc = Path(sys.executable).parent / "sc"
    environment = {**os.environ, "SATURN_BASE_URL": mock.base_url, "SATURN_TOKEN": mock.token(EXPIRED),
                   "SATURN_REFRESH_TOKEN": mock.refresh_token(EXPIRED)}
    result = subprocess.run([str(sc), "list", "job", "-o", "json"], env=environment, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []


def test_sc_options_lists_the_sizes_by_gpu_then_cores(mock):
    sc = Path(sys.executable).parent / "sc"
    environment = {**os.environ, "SATURN_BASE_URL": mock.base_url, "SATURN_TOKEN": mock.token(ADMIN)}
    result = subprocess.run([str(sc), "options"], env=environment, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    # sc pretty-prints each size as a dict, sorted by (gpu, cores).
    sizes = [ast.literal_eval(block) for block in re.findall(r"\{[^{}]*\}", result.stdout)]
    assert {size["name"] for size in sizes} == {"medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "g4dnxlarge", "g4dn4xlarge", "p38xlarge"}
    order = [(size["gpu"], size["cores"]) for size in sizes]
    assert order == sorted(order) and order[-1] == (4, 32)


def test_server_options_sizes_clone_and_close(mock, document_recipe):
    connection = SaturnConnection(url=mock.base_url, api_token=mock.token(ADMIN))
    assert connection.options["auto_shutoff"][0] == "Never"
    # list_options sorts sizes by GPUs, then cores, and filters by glob.
    assert [size["name"] for size in connection.list_options("sizes", glob="*xlarge")] == [
        "xlarge", "2xlarge", "4xlarge", "8xlarge", "g4dnxlarge", "g4dn4xlarge", "p38xlarge"]
    assert connection.list_options("auto_shutoff", glob="*hour*") == ["1 hour", "6 hours", "24 hours"]
    assert connection.list_options("disk_space")[0] == {"value": "10Gi", "display_str": "10 GB"}
    assert (connection.get_size("large")["cores"], connection.get_size("large")["memory"]) == (2, "16Gi")
    with pytest.raises(ValueError, match="unknown option"):
        connection.list_options("colours")

    assert httpx.post(f"{mock.url}/api/recipes/apply", content=document_recipe, headers=mock.headers(ADMIN)).status_code == 201
    connection.apply({"schema_version": "2025.10.01", "type": "job",
                      "spec": {"name": "nightly", "image": "saturn:2021.11.10", "instance_type": "large", "command": "python x.py"}})
    cloned = connection.clone("job", "nightly", "deployment", "api", command="python serve.py")
    assert (cloned["type"], cloned["spec"]["name"], cloned["spec"]["command"], cloned["spec"]["instance_type"]) == ("deployment", "api", "python serve.py", "large")
    assert connection.get_resource("deployment", "api")["state"]["id"] == cloned["state"]["id"]

    with SaturnConnection(url=mock.base_url, api_token=mock.token(MEMBER)) as member:
        assert member.current_user["username"] == "bob"
    connection.close()
