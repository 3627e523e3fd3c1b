"""`saturn-mock serve --registry`: images resolve against a real registry. Adding a version whose manifest the
registry lacks warns (refused under --strict); starting a workspace, job or deployment pulls and checks its image off
the request path: pending while it pulls, then running, or error with the registry's answer or each failed
requirement in the pod's log, as `sc` shows it. The outcome is a stored fact of the run: a restart keeps it. The UI shows on each version what its image works for."""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as shown

from browser import sign_in, wait_for
from harness import ADMIN, Tenant, start_mock, stop_mock

IMAGES = {"name": "checked", "hardware_type": "CPU", "versions": [
    {"name": name, "image_uri": f"public.ecr.aws/saturn/{name}:1"} for name in ["good", "no-jovyan", "no-sshd"]]}


def job(name, version, image="checked"):
    return {"type": "job", "spec": {"name": name, "image": f"{image}:{version}", "instance_type": "large", "command": "python train.py"}}


@pytest.fixture(scope="module")
def server(tmp_path_factory, registry):
    """A server whose public.ecr.aws is the test registry; a black hole answers for slow.example (it accepts
    connections and never answers), so that a pull can be seen in flight."""
    hole = socket.socket()
    hole.bind(("127.0.0.1", 0))
    hole.listen(16)
    started = start_mock(tmp_path_factory.mktemp("serve-registry"), arguments=(
        "--registry", f"public.ecr.aws={registry.url}", "--registry", f"slow.example=http://127.0.0.1:{hole.getsockname()[1]}",
        "--start-delay", "0"))
    yield started
    stop_mock(started)
    hole.close()


def make_tenant(url):
    created = httpx.post(f"{url}/_mock/tenants").raise_for_status().json()
    return Tenant(created["base_url"], {user["username"]: user["token"] for user in created["users"]}), created["name"]


@pytest.fixture
def tenant(server):
    made, name = make_tenant(server.url)
    yield made
    httpx.delete(f"{server.url}/_mock/tenants/{name}")


def put(tenant, recipe):
    return httpx.put(f"{tenant.url}/api/recipes", json=recipe, headers=tenant.headers(ADMIN))


def until(condition, timeout=30):
    """Polls `condition` until it gives something true; that."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.05)


def status(tenant, kind, recipe_id):
    return httpx.get(f"{tenant.url}/api/{kind}s/{recipe_id}", headers=tenant.headers()).json()["status"]


def sc(tenant, *arguments):
    environment = {**os.environ, "SATURN_BASE_URL": tenant.base_url, "SATURN_TOKEN": tenant.token(ADMIN)}
    result = subprocess.run([str(Path(sys.executable).parent / "sc"), *arguments], env=environment, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"sc {' '.join(arguments)}: {result.stdout}{result.stderr}"
    return result.stdout


def test_a_version_the_registry_lacks_warns(tenant, server):
    answer = put(tenant, {"type": "image", "spec": {**IMAGES, "versions": [{"name": "9", "image_uri": "public.ecr.aws/saturn/good:9"}]}})
    assert answer.status_code == 201
    assert "spec.versions[0].image_uri: 'public.ecr.aws/saturn/good:9' cannot be pulled: manifest unknown" in answer.headers["Warning"]
    present = put(tenant, {"type": "image", "spec": {**IMAGES, "versions": [{"name": "1", "image_uri": "public.ecr.aws/saturn/good:1"}]}})
    assert present.status_code == 201 and "Warning" not in present.headers


def test_strict_refuses_a_version_the_registry_lacks(tmp_path, registry):
    strict = start_mock(tmp_path, arguments=("--registry", f"public.ecr.aws={registry.url}", "--strict"))
    try:
        made, _ = make_tenant(strict.url)
        answer = httpx.post(f"{made.url}/api/recipes/apply", headers=made.headers(), json={"images": [
            {"name": "x", "hardware_type": "cpu", "schema_version": "2022.04.01",
             "versions": [{"name": "9", "image_uri": "public.ecr.aws/saturn/good:9"}]}]})
        assert answer.status_code == 422
        assert "cannot be pulled: manifest unknown" in answer.json()["errors"]["images[0].versions[0].image_uri"][0]
    finally:
        assert stop_mock(strict) == 0


def test_a_job_on_an_image_without_jovyan_ends_in_error_with_the_reason_in_sc_logs(tenant, tmp_path):
    assert put(tenant, {"type": "image", "spec": IMAGES}).status_code == 201
    recipe = tmp_path / "job.yaml"
    recipe.write_text("type: job\nspec:\n  name: nightly\n  image: checked:no-jovyan\n  instance_type: large\n  command: python train.py\n")
    sc(tenant, "apply", str(recipe), "--start")
    assert until(lambda: "error" in sc(tenant, "list", "job")), sc(tenant, "list", "job")
    logs = sc(tenant, "logs", "job", "nightly")
    assert re.search(r'Successfully pulled image "public.ecr.aws/saturn/no-jovyan:1" \(sha256:[0-9a-f]{64}\)\n', logs)
    assert "The image does not meet Saturn's requirements for a job:" in logs
    assert "user jovyan with uid 1000 and home /home/jovyan, created: etc/passwd has no user jovyan" in logs
    assert "Error: the container cannot start; the job is in error" in logs


def test_a_missing_manifest_fails_the_pull(tenant):
    put(tenant, {"type": "image", "spec": {**IMAGES, "versions": [{"name": "9", "image_uri": "public.ecr.aws/saturn/good:9"}]}})
    started = put(tenant, {**job("missing", "9"), "spec": {**job("missing", "9")["spec"], "status": "running"}}).json()
    assert until(lambda: status(tenant, "job", started["state"]["id"]) == "error")
    logs = httpx.get(f"{tenant.url}/api/jobs/{started['state']['id']}/logs", headers=tenant.headers()).json()
    text = "\n".join(line["message"] if isinstance(line, dict) else str(line) for line in logs) if isinstance(logs, list) else str(logs)
    assert 'Failed to pull image "public.ecr.aws/saturn/good:9": manifest unknown' in text


@pytest.mark.parametrize("kind, ide, version, expected", [
    ("job", None, "good", "running"),
    ("deployment", None, "no-sshd", "error"),
    ("workspace", "jupyter", "no-sshd", "running"),
    ("workspace", "rstudio", "no-sshd", "error"),
])
def test_what_a_run_starts_decides_what_it_needs(tenant, kind, ide, version, expected):
    put(tenant, {"type": "image", "spec": IMAGES})
    spec = {"name": f"r-{kind}", "image": f"checked:{version}", "instance_type": "large", "status": "running"}
    if kind != "workspace":
        spec["command"] = "serve"
    if ide:
        spec["ide"] = ide
    started = put(tenant, {"type": kind, "spec": spec})
    assert started.status_code == 201, started.text
    recipe_id = started.json()["state"]["id"]
    assert until(lambda: status(tenant, kind, recipe_id) != "pending") == True  # noqa: E712
    assert status(tenant, kind, recipe_id) == expected


def test_a_run_stays_pending_while_its_image_is_pulled(tenant):
    added = httpx.put(f"{tenant.url}/api/recipes", headers=tenant.headers(), timeout=30, json={"type": "image", "spec": {
        "name": "slow", "hardware_type": "CPU", "versions": [{"name": "1", "image_uri": "slow.example/saturn/good:1"}]}})
    # Adding a version waits 5 s at most for the registry.
    assert added.status_code == 201 and "Timeout was reached" in added.headers["Warning"]
    started = put(tenant, {**job("slow", "1", image="slow"), "spec": {**job("slow", "1", image="slow")["spec"], "status": "running"}})
    recipe_id = started.json()["state"]["id"]
    time.sleep(1)
    assert status(tenant, "job", recipe_id) == "pending", "--start-delay 0, but the pull has not finished"
    check = httpx.get(f"{tenant.url}/_mock/image-checks", params={"uri": "slow.example/saturn/good:1"})
    assert check.json()["status"] == "checking"


def test_image_checks_answer_the_last_check(tenant):
    put(tenant, {"type": "image", "spec": IMAGES})
    uri = "public.ecr.aws/saturn/no-sshd:1"
    checked = until(lambda: (answer := httpx.get(f"{tenant.url}/_mock/image-checks", params={"uri": uri}).json()).get("status") == "checked" and answer)
    assert checked["works_for"] == {"jupyter": True, "rstudio": False, "job": False, "deployment": False}
    assert re.fullmatch("sha256:[0-9a-f]{64}", checked["digest"]) and checked["checked_at"]
    sshd = next(item for item in checked["requirements"] if item["id"] == "sshd")
    assert sshd["outcomes"] == {"jupyter": "warning", "rstudio": "fail", "job": "fail", "deployment": "fail"}
    missing = httpx.get(f"{tenant.url}/_mock/image-checks", params={"uri": "public.ecr.aws/saturn/never:1"})
    assert (missing.status_code, missing.json()["error_code"]) == (404, "image_check_not_found")
    nothing = httpx.get(f"{tenant.url}/_mock/image-checks")
    assert nothing.status_code == 422 and "uri" in nothing.json()["errors"]


def test_the_ui_shows_on_each_version_what_its_image_works_for_with_the_reasons_one_click_away(tenant, browser):
    gone = {"name": "gone", "image_uri": "public.ecr.aws/saturn/good:9"}
    assert put(tenant, {"type": "image", "spec": {**IMAGES, "versions": [*IMAGES["versions"], gone]}}).status_code == 201
    for version in IMAGES["versions"]:
        assert until(lambda: httpx.get(f"{tenant.url}/_mock/image-checks", params={"uri": version["image_uri"]}).json().get("status") == "checked")
    browser.get(tenant.base_url)
    browser.execute_script("sessionStorage.clear()")
    sign_in(browser, tenant)
    wait_for(browser, shown.element_to_be_clickable((By.LINK_TEXT, "checked"))).click()
    wait_for(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, "tbody"), "deployments"))
    wait_for(browser, shown.text_to_be_present_in_element((By.CSS_SELECTOR, "tbody"), "cannot be pulled"))
    cells = {row.find_element(By.TAG_NAME, "td").text: row.find_element(By.CSS_SELECTOR, "td.works")
             for row in browser.find_elements(By.CSS_SELECTOR, "tbody tr")}

    assert cells["good"].text == "Jupyter ✓ · RStudio ✓ · jobs ✓ · deployments ✓"
    assert cells["no-jovyan"].text == "Jupyter ✗ · RStudio ✗ · jobs ✗ · deployments ✗", "the reasons wait for a click"
    cells["no-jovyan"].find_element(By.TAG_NAME, "summary").click()
    reasons = wait_for(browser, shown.visibility_of_element_located((By.CSS_SELECTOR, "td.works details[open] li")))
    assert "etc/passwd has no user jovyan" in reasons.text
    assert cells["no-sshd"].text == "Jupyter ✓ · RStudio ✗ · jobs ✗ · deployments ✗"
    assert cells["gone"].text.startswith("cannot be pulled") and "manifest unknown" in cells["gone"].text


def test_without_registry_nothing_is_pulled(tmp_path):
    plain = start_mock(tmp_path)
    try:
        answer = httpx.get(f"{plain.url}/_mock/image-checks", params={"uri": "public.ecr.aws/saturn/good:1"})
        assert (answer.status_code, answer.json()["error_code"]) == (404, "image_checks_off")
    finally:
        assert stop_mock(plain) == 0


def test_a_restart_keeps_the_outcome_without_asking_the_registry(tmp_path, registry):
    first = start_mock(tmp_path / "one", arguments=("--registry", f"public.ecr.aws={registry.url}", "--start-delay", "0"))
    try:
        made, name = make_tenant(first.url)
        put(made, {"type": "image", "spec": IMAGES})
        started = put(made, {**job("kept", "no-jovyan"), "spec": {**job("kept", "no-jovyan")["spec"], "status": "running"}}).json()
        recipe_id = started["state"]["id"]
        assert until(lambda: status(made, "job", recipe_id) == "error")
    finally:
        assert stop_mock(first) == 0
    # The registry is now unreachable: the outcome comes from the store.
    second = start_mock(tmp_path / "two", data_dir=first.data_dir, arguments=("--registry", "public.ecr.aws=http://127.0.0.1:9", "--start-delay", "0"))
    try:
        again = Tenant(f"{second.url}/t/{name}/", made.tokens)
        assert status(again, "job", recipe_id) == "error"
        logs = httpx.get(f"{again.url}/api/jobs/{recipe_id}/logs", headers=again.headers()).text
        assert "etc/passwd has no user jovyan" in logs
    finally:
        assert stop_mock(second) == 0
