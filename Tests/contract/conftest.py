"""Every answer a contract test receives from the mock, through any client (httpx, saturn-api's httpx, requests under
saturn-client and saturnfs), is checked against what Saturn's spec documents for its operation: a success status the
spec gives that operation, and a JSON body its schema accepts. A test that received one that strays fails at its
teardown, naming the request and each problem. A run of the whole suite fails when an operation the mock serves had
no success answer checked, so that a new operation cannot go unchecked."""

import json
import re
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
import requests

from harness import start_mock, stop_mock
from spec_shapes import SPEC, problems

METHODS = ("get", "post", "put", "patch", "delete")
# Each operation of the spec: a pattern of its path (a template's variable is one segment), method, and the answers
# it documents by status.
OPERATIONS = sorted(
    ((re.compile("^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(path)) + "$"), path.count("{"), path, method, operation["responses"])
     for path, item in SPEC["paths"].items() for method, operation in item.items() if method in METHODS),
    key=lambda operation: operation[1])  # a literal segment wins over a variable: /api/jobs/info before /api/jobs/{id}
# Where saturn-client and the spec disagree the client wins (README "The mock's own choices"): by operation, the
# problems that choice makes, and a member that wraps the answer the spec describes.
CLIENT_WINS = {
    # saturn-client reads a past pod's end_time.
    **{f"get /api/{kind}/{{{kind[:-1]}_id}}/history": ("/end_time: the schema declares no such field",)
       for kind in ("workspaces", "jobs", "deployments")},
    # saturn-client's UsageLimit dataclass fails on the token_factory_enabled the spec requires.
    **{operation: ("'token_factory_enabled' is a required property",)
       for operation in ("get /api/limits", "post /api/limits", "get /api/limits/{limits_id}", "patch /api/limits/{limits_id}")},
}
CLIENT_WRAPS = {"post /api/service_accounts": "service_account"}  # saturn-client reads answer["service_account"]
TENANT_PREFIX = re.compile(r"^/t/[^/]+(?=/api/)")
CONTRACT = Path(__file__).resolve().parent
# The operations whose success answers were checked, in this process (in an xdist run, the controller gathers them).
CHECKED = set()


def operation_of(method, url):
    """The spec's (path template, responses) for a request to the mock; None for the mock's own paths."""
    path = TENANT_PREFIX.sub("", urlsplit(str(url)).path)
    for pattern, _, template, operation_method, responses in OPERATIONS:
        if operation_method == method.lower() and pattern.match(path):
            return template, responses
    return None


def strays(method, url, status, content_type, body):
    """How one answer strays from the spec; empty when it does not (or when the spec says nothing of it)."""
    found = operation_of(method, url)
    if found is None or not 200 <= status < 300:
        return []
    template, responses = found
    where = f"{method} {urlsplit(str(url)).path} ({method.lower()} {template}) answered {status}"
    documented = responses.get(str(status))
    if documented is None:
        return [f"{where}: the spec documents {', '.join(sorted(responses))} for it"]
    CHECKED.add(f"{method.upper()} {template}")
    schema = (documented.get("content") or {}).get("application/json", {}).get("schema")
    if schema is None:
        return [] if not body else [f"{where}: the spec documents no body, and it had {len(body)} bytes"]
    if not content_type.startswith("application/json"):
        return [f"{where}: Content-Type {content_type!r}, not JSON"]
    try:
        value = json.loads(body)
    except ValueError as error:
        return [f"{where}: the body is not JSON ({error})"]
    operation = f"{method.lower()} {template}"
    if operation in CLIENT_WRAPS and isinstance(value, dict):
        value = value.get(CLIENT_WRAPS[operation])
    accepted = CLIENT_WINS.get(operation, ())
    return [f"{where}: {problem}" for problem in problems(value, schema) if not any(problem.endswith(ending) for ending in accepted)]


@pytest.fixture(autouse=True)
def answers_conform_to_the_spec(monkeypatch):
    found = []

    def check(method, url, status, headers, body):
        if isinstance(body, bytes):
            found.extend(strays(method, url, status, headers.get("content-type", ""), body))

    def httpx_send(original):
        def send(self, request, *arguments, **keywords):
            response = original(self, request, *arguments, **keywords)
            check(request.method, request.url, response.status_code, response.headers, getattr(response, "_content", None))
            return response
        return send

    def httpx_send_async(original):
        async def send(self, request, *arguments, **keywords):
            response = await original(self, request, *arguments, **keywords)
            check(request.method, request.url, response.status_code, response.headers, getattr(response, "_content", None))
            return response
        return send

    def requests_send(original):
        def send(self, request, **keywords):
            response = original(self, request, **keywords)
            body = response._content  # False when the caller streams it and has not read it
            check(request.method, request.url, response.status_code, response.headers, body if isinstance(body, bytes) else None)
            return response
        return send

    monkeypatch.setattr(httpx.Client, "send", httpx_send(httpx.Client.send))
    monkeypatch.setattr(httpx.AsyncClient, "send", httpx_send_async(httpx.AsyncClient.send))
    monkeypatch.setattr(requests.Session, "send", requests_send(requests.Session.send))
    yield
    assert found == [], "answers that stray from Saturn's spec:\n" + "\n".join(found)


def pytest_testnodedown(node, error):
    CHECKED.update(node.workeroutput.get("spec_operations_checked", ()))


def pytest_sessionfinish(session, exitstatus):
    config = session.config
    if hasattr(config, "workerinput"):
        config.workeroutput["spec_operations_checked"] = sorted(CHECKED)
        return
    whole_suite = not config.option.keyword and not config.option.markexpr and any(
        Path(argument.split("::")[0]).resolve() in (CONTRACT, CONTRACT.parent) for argument in config.args)
    if exitstatus != 0 or not whole_suite:
        return
    unchecked = sorted(served_operations() - CHECKED)
    if unchecked:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        terminal = config.pluginmanager.get_plugin("terminalreporter")
        terminal.ensure_newline()
        terminal.write_line(
            "operations the mock serves whose success answers no contract test checked against the spec:\n  "
            + "\n  ".join(unchecked), red=True)


def served_operations():
    """What `GET /_mock/operations` of a server of this build says it serves, as "METHOD /template"."""
    with tempfile.TemporaryDirectory() as folder:
        server = start_mock(Path(folder))
        try:
            listed = httpx.get(f"{server.url}/_mock/operations").raise_for_status().json()
        finally:
            stop_mock(server)
    return {f"{operation['method']} {operation['path']}" for operation in listed["operations"] if operation["served"]}
